package io.jasyncio.samples.seed4;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeoutScopeTest {
    @Test
    void theHourLongTaskIsCutOffAfterTenSeconds() {
        Run.Result run = Run.virtual(TimeoutScope.main());
        assertEquals(List.of(
                "The long operation timed out, but we've handled it.",
                "This statement will run regardless."), run.lines());
        assertEquals(10.0, run.elapsed());
    }
}
