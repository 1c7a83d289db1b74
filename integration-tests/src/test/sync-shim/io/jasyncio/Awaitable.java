package io.jasyncio;

/** Synchronous stand-in: something holding a value or a failure. */
public interface Awaitable<T> {
    /** The value, or the failure thrown. */
    T get();
}
