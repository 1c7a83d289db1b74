package io.jasyncio.samples.seed4;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 004, {@code with asyncio.Runner() as runner: runner.run(main())}: one loop kept for several
 * top-level calls (where {@code Asyncio.run} makes and closes a loop each time), closed when the block
 * ends. The runtime has no Runner class, so the sample carries a small one: it is only a loop, made
 * lazily, with Python's clean-up on close.
 */
public final class RunnerSample {
    private RunnerSample() {
    }

    /** Python's {@code asyncio.Runner}: the same loop for every {@link #run}; close cleans up and closes it. */
    public static final class Runner implements AutoCloseable {
        private final EventLoop loop;

        public Runner() {
            this(new EventLoop());
        }

        /** Python's {@code loop_factory}: tests pass a loop on virtual time. */
        public Runner(EventLoop loop) {
            this.loop = loop;
        }

        public <T> T run(Coroutine<T> coro) {
            return loop.runUntilComplete(coro);
        }

        public EventLoop getLoop() {
            return loop;
        }

        /** Cancels what the runs left behind, lets the cancellations land, stops the executor, closes. */
        @Override
        public void close() {
            if (loop.isClosed()) {
                return;
            }
            try {
                for (Task<?> t : loop.allTasks()) {
                    t.cancel();
                }
                loop.stop();
                loop.runForever();   // one iteration: delivers the cancellations
                loop.shutdownDefaultExecutor();
            } finally {
                loop.close();
            }
        }
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
        try (runner) {
            System.out.println(runner.run(main()));
            EventLoop first = runner.getLoop();
            System.out.println(runner.run(main()));
            System.out.println("same loop: " + (runner.getLoop() == first));
        }
        System.out.println("closed: " + runner.getLoop().isClosed());
    }

    public static void main(String[] args) {
        run(new Runner());
    }
}
