package io.jasyncio.bench.startup;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

/** The second woven class of {@link StartupProbe}: suspends once (sleep(0)), so the loop really runs it. */
final class StartupChild {
    private StartupChild() {
    }

    @Async
    static Coroutine<String> answer() {
        await(Asyncio.sleep(0));
        return completed("ok");
    }
}
