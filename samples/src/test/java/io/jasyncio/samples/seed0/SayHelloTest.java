package io.jasyncio.samples.seed0;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SayHelloTest {
    @Test
    void theTaskRunsAndIsAwaited() {
        Run.Result run = Run.virtual(SayHello.main());
        assertEquals(List.of("Hello"), run.lines());
        assertEquals(1.0, run.elapsed());
    }
}
