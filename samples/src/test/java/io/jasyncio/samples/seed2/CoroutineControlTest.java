package io.jasyncio.samples.seed2;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CoroutineControlTest {
    @Test
    void gatherKeepsTheFailureWaitReturnsAtTheFirstAndShieldPassesTheResult() {
        Run.Result run = Run.virtual(CoroutineControl.main());
        assertEquals(List.of(
                "['coro1 result', IllegalArgumentException('coro2 failed')]",
                "done: 1, pending: 1",
                "coro1 result"), run.lines());
        // sleep 1 + gather 3 (the slower of the two) + wait 1 (first completed) + shield 1
        assertEquals(6.0, run.elapsed());
    }
}
