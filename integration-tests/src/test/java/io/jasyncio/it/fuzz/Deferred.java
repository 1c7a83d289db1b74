package io.jasyncio.it.fuzz;

/**
 * The reference twin's stand-in for an awaitable created before it is awaited: it holds the value, or
 * the failure that awaiting it throws (every time, as awaiting a failed future does).
 */
public final class Deferred<T> {
    private final T value;
    private final RuntimeException failure;

    Deferred(T value, RuntimeException failure) {
        this.value = value;
        this.failure = failure;
    }

    public T get() {
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
