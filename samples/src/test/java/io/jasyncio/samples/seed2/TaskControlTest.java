package io.jasyncio.samples.seed2;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskControlTest {
    @Test
    void theCancelledTaskAndTheMissedDeadlineAreReported() {
        Run.Result run = Run.virtual(TaskControl.main());
        assertEquals(List.of("Task was cancelled", "Timeout!"), run.lines());
        assertEquals(1.0, run.elapsed());   // the cancellation costs nothing; the deadline is 1 s
    }
}
