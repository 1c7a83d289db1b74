package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.getRunningLoop;
import static io.jasyncio.Asyncio.toThread;

/**
 * Seed 002, §5.1: blocking code called from a coroutine goes to a thread, so the loop keeps running:
 * the loop's default pool, a pool of one's own (the seed's commented-out variant), and
 * {@code toThread}, the short form of the first.
 */
public final class RunInExecutor {
    private RunInExecutor() {
    }

    /** Blocks its thread for a second: never call it on the loop's thread. */
    static String blockingIo() throws InterruptedException {
        Thread.sleep(1000);
        return "Blocking IO done";
    }

    @Async
    public static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        // 1. in the default thread pool
        String result = await(loop.runInExecutor(null, RunInExecutor::blockingIo));
        System.out.println(result);

        // 2. in a pool of one's own
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            result = await(loop.runInExecutor(pool, RunInExecutor::blockingIo));
            System.out.println(result);
        } finally {
            pool.shutdown();
        }

        // 3. asyncio.to_thread: the default pool, without naming the loop
        result = await(toThread(RunInExecutor::blockingIo));
        System.out.println(result);
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
