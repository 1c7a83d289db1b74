package io.jasyncio;

/** Test stub. */
public interface AsyncCloseable extends AutoCloseable {
    Awaitable<?> closeAsync(Throwable failure);

    @Override
    default void close() {
        throw new IllegalStateException("not woven");
    }
}
