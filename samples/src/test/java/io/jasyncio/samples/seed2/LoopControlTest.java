package io.jasyncio.samples.seed2;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoopControlTest {
    @Test
    void runsACoroutineThenRunsForeverUntilStopped() {
        assertEquals(List.of("Done", "loop stopped, running: false"), Run.captured(LoopControl::run));
    }
}
