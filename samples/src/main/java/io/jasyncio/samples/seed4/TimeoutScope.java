package io.jasyncio.samples.seed4;

import io.jasyncio.AsyncTimeoutException;
import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;
import static io.jasyncio.Asyncio.timeout;

/**
 * Seed 004, {@code async with asyncio.timeout(10)}: a deadline over a whole body of work rather than one
 * call. The scope wraps the body ({@code timeout(delay, body)}); when the deadline passes, the body's
 * current await is cancelled and the scope reports a timeout instead.
 */
public final class TimeoutScope {
    private TimeoutScope() {
    }

    /** Would run for an hour. */
    @Async
    public static Coroutine<Void> longRunningTask() {
        await(sleep(3600));
        System.out.println("long_running_task finished");
        return completed();
    }

    @Async
    public static Coroutine<Void> main() {
        try {
            await(timeout(10, longRunningTask()));
        } catch (AsyncTimeoutException e) {
            System.out.println("The long operation timed out, but we've handled it.");
        }
        System.out.println("This statement will run regardless.");
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
