package io.jasyncio;

/** Test stub. */
public interface Awaitable<T> {
}
