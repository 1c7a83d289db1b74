package io.jasyncio;

/**
 * Synchronous stand-in. Plain try-with-resources cannot tell {@code close()} what the block threw, so
 * shapes compared with this stand-in only close asynchronous resources on the normal path.
 */
public interface AsyncCloseable extends AutoCloseable {
    Awaitable<?> closeAsync(Throwable failure);

    @Override
    default void close() {
        closeAsync(null).get();
    }
}
