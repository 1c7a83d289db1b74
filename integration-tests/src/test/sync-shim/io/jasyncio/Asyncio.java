package io.jasyncio;

/** Synchronous stand-in: {@code await} is evaluation, {@code completed} wraps the value. */
public final class Asyncio {
    private Asyncio() {
    }

    public static <T> T await(Awaitable<T> awaitable) {
        return awaitable.get();
    }

    public static <T> Coroutine<T> completed(T value) {
        return new Coroutine<>(value);
    }

    public static Coroutine<Void> completed() {
        return new Coroutine<>(null);
    }
}
