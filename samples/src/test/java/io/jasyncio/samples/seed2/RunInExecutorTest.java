package io.jasyncio.samples.seed2;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunInExecutorTest {
    @Test
    void eachWayOfLeavingTheLoopThreadReturnsTheResult() {
        Run.Result run = Run.virtual(RunInExecutor.main());
        assertEquals(List.of("Blocking IO done", "Blocking IO done", "Blocking IO done"), run.lines());
        assertEquals(0.0, run.elapsed());   // the blocking happened on other threads: no loop timer was involved
    }
}
