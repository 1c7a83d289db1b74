package io.jasyncio.samples.seed4;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Runner;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 004, {@code with asyncio.Runner() as runner: runner.run(main())}: one loop kept for several
 * top-level calls (where {@code Asyncio.run} makes and closes a loop each time), closed when the block
 * ends ({@link io.jasyncio.Runner}).
 */
public final class RunnerSample {
    private RunnerSample() {
    }

    private static int calls;

    @Async
    public static Coroutine<String> main() {
        await(sleep(1));
        calls++;
        return completed("main done (" + calls + ")");
    }

    /** Two runs on one loop; the loop is the same object both times. */
    public static void run(Runner runner) {
        calls = 0;
        EventLoop first;
        try (runner) {
            System.out.println(runner.run(main()));
            first = runner.getLoop();
            System.out.println(runner.run(main()));
            System.out.println("same loop: " + (runner.getLoop() == first));
        }
        System.out.println("closed: " + first.isClosed());
    }

    public static void main(String[] args) {
        run(new Runner());
    }
}
