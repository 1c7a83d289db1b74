package io.jasyncio.samples.seed1;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CancelTasksTest {
    private static final String START = "this is a test for async";
    private static final String AGAIN = "test again";

    @Test
    void withoutAnInterruptionAllThreeFinishInTwoSeconds() {
        Run.Result run = Run.virtual(loop -> CancelTasks.run(loop, -1));
        assertEquals(List.of(START, START, START, AGAIN, AGAIN, AGAIN, "耗时: 2.0"), run.lines());
    }

    @Test
    void anInterruptionCancelsEveryPendingTask() {
        Run.Result run = Run.virtual(loop -> CancelTasks.run(loop, 1.0));
        // the three coroutines' tasks, and the task that runs wait() for runUntilComplete
        String cancelled = "cancel task ==> True";
        assertEquals(List.of(START, START, START, cancelled, cancelled, cancelled, cancelled, "耗时: 1.0"), run.lines());
    }
}
