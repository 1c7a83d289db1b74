package io.jasyncio;

/**
 * A resource with an asynchronous close, Python's async context manager ({@code __aexit__}). Inside an
 * {@code @Async} method, try-with-resources over it awaits {@link #closeAsync(Throwable)}: the weaver
 * rewrites the {@code close()} javac calls. Outside an {@code @Async} method, {@link #close()} refuses.
 */
public interface AsyncCloseable extends AutoCloseable {
    /**
     * Closes the resource asynchronously.
     *
     * @param failure what the try block threw, or null if it completed normally
     */
    Awaitable<?> closeAsync(Throwable failure);

    /** Not allowed: an asynchronous resource is closed by try-with-resources inside an {@code @Async} method. */
    @Override
    default void close() {
        throw new IllegalStateException(getClass().getName() + " is an AsyncCloseable: close it with try-with-resources"
                + " inside an @Async method (woven by jasyncio-maven-plugin or -javaagent:jasyncio-transformer.jar),"
                + " or await(closeAsync(null))");
    }
}
