package io.jasyncio.samples.seed2;

import io.jasyncio.AsyncTimeoutException;
import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;
import java.util.concurrent.CancellationException;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static io.jasyncio.Asyncio.waitFor;

/**
 * Seed 002, §3.3: creating a task, cancelling it (the awaiter sees the cancellation), and giving a
 * coroutine a deadline with {@code waitFor}.
 */
public final class TaskControl {
    private TaskControl() {
    }

    /** The seed's {@code coro()}: longer than any deadline here. */
    @Async
    public static Coroutine<String> coro() {
        await(sleep(10));
        return completed("finished");
    }

    @Async
    public static Coroutine<Void> main() {
        Task<String> task = createTask(coro());   // 3.3.1
        await(sleep(0));                          // let it start

        task.cancel();                            // 3.3.2
        try {
            await(task);
        } catch (CancellationException e) {
            System.out.println("Task was cancelled");
        }

        try {                                     // 3.3.3
            await(waitFor(coro(), 1.0));
        } catch (AsyncTimeoutException e) {
            System.out.println("Timeout!");
        }
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
