package io.jasyncio;

/**
 * Something {@code await(...)} accepts: a {@link Coroutine}, a {@link Future} or a {@link Task}
 * (Python's awaitable). Awaiting a coroutine runs it in the awaiting task; awaiting a future
 * suspends until it is done.
 */
public interface Awaitable<T> {
}
