package io.jasyncio;

import java.util.concurrent.CompletionStage;

/** Test stub: the calls the weaver replaces. */
public final class Asyncio {
    private Asyncio() {
    }

    public static <T> T await(Awaitable<T> awaitable) {
        throw new IllegalStateException("await(...) was reached in code that was not woven");
    }

    public static <T> T await(CompletionStage<T> stage) {
        throw new IllegalStateException("await(...) was reached in code that was not woven");
    }

    public static <T> Coroutine<T> completed(T value) {
        throw new IllegalStateException("completed(...) was reached in code that was not woven");
    }

    public static Coroutine<Void> completed() {
        throw new IllegalStateException("completed() was reached in code that was not woven");
    }
}
