package io.jasyncio.samples.seed4;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Runner;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 004, {@code asyncio.Runner}: one loop kept for several top-level calls (unlike
 * {@code Asyncio.run}, which makes and closes a loop each time), closed when the block ends.
 */
public final class RunnerSample {
    private RunnerSample() {
    }

    @Async
    public static Coroutine<String> main() {
        await(sleep(1));
        return completed("main done");
    }

    public static void main(String[] args) {
        try (Runner runner = new Runner()) {
            System.out.println(runner.run(main()));
            System.out.println(runner.run(main()));
        }
    }
}
