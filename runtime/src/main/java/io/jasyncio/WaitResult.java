package io.jasyncio;

import java.util.Set;

/**
 * What {@link Asyncio#wait} returns, Python's {@code (done, pending)} pair; both sets keep the order the
 * futures were given in.
 */
public record WaitResult<T>(Set<Future<T>> done, Set<Future<T>> pending) {
}
