package io.jasyncio.samples.seed3;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import java.util.concurrent.CancellationException;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 003, "Task": a task made by the loop from a coroutine, its result read from the loop; then a
 * task cancelled while it waits, which sees the cancellation thrown inside its own code.
 */
public final class TaskCreateCancel {
    private TaskCreateCancel() {
    }

    @Async
    public static Coroutine<String> taskFunc() {
        System.out.println("in task_func");
        return completed("the result");
    }

    /** Waits a long time; a cancellation arrives as an exception at the await. */
    @Async
    public static Coroutine<String> patient() {
        try {
            await(sleep(60));
            return completed("woke up");
        } catch (CancellationException e) {
            System.out.println("CancelledError raised inside the coroutine");
            throw e;
        }
    }

    public static void run(EventLoop loop) {
        Task<String> task = loop.createTask(taskFunc());
        // given a future, runUntilComplete returns its result
        System.out.println(loop.runUntilComplete(task));

        Task<String> cancelled = loop.createTask(patient());
        loop.callLater(1, cancelled::cancel);
        try {
            loop.runUntilComplete(cancelled);
        } catch (CancellationException e) {
            System.out.println("cancelled: " + cancelled.isCancelled());
        }
    }

    public static void main(String[] args) {
        try (EventLoop loop = new EventLoop()) {
            run(loop);
        }
    }
}
