package io.jasyncio;

/**
 * Test stub: a future the test completes by hand. Awaiting a pending one suspends the awaiting frame;
 * {@link Coroutine#resume} then delivers a value or failure.
 */
public final class Future<T> implements Awaitable<T> {
    final boolean done;
    final Object value;

    private Future(boolean done, Object value) {
        this.done = done;
        this.value = value;
    }

    public static <T> Future<T> pending() {
        return new Future<>(false, null);
    }

    public static <T> Future<T> done(T value) {
        return new Future<>(true, value);
    }
}
