package io.jasyncio.samples.seed1;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CallOrderingTest {
    @Test
    void soonCallbacksFirstThenTimersByDueTime() {
        Run.Result run = Run.virtual(CallOrdering::run);
        assertEquals(List.of(
                "call_soon ==> 5",
                "call_soon_threadsafe ==> 2",
                "call_later ==> 1",
                "call_at ==> 1",
                "call_later ==> 2",
                "call_at ==> 2",
                "call_later ==> 3",
                "call_at ==> 3"), run.lines());
        assertEquals(3.0, run.elapsed());
    }
}
