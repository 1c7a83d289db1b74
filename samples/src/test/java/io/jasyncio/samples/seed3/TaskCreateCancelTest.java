package io.jasyncio.samples.seed3;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskCreateCancelTest {
    @Test
    void theResultComesBackAndTheCancellationIsRaisedInsideTheCoroutine() {
        Run.Result run = Run.virtual(TaskCreateCancel::run);
        assertEquals(List.of(
                "in task_func",
                "the result",
                "CancelledError raised inside the coroutine",
                "cancelled: true"), run.lines());
        assertEquals(1.0, run.elapsed());   // cancelled after 1 s of a 60 s sleep
    }
}
