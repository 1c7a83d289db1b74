package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/** Seed 002, §5.2: ordinary synchronous code runs a coroutine to completion and uses its result. */
public final class SyncMain {
    private SyncMain() {
    }

    public static String syncMain() {
        return Asyncio.run(asyncMain());
    }

    @Async
    public static Coroutine<String> asyncMain() {
        await(sleep(1));
        return completed("Done");
    }

    public static void main(String[] args) {
        System.out.println(syncMain());
    }
}
