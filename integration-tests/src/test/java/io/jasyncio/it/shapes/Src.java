package io.jasyncio.it.shapes;

import io.jasyncio.Awaitable;

/**
 * What shapes await. The shape suite runs each shape on the real loop with a {@link LoopSrc} (values
 * completing at once, later, after a virtual sleep, in reverse order) and, as the reference, compiled
 * against a synchronous stand-in of the API where {@code await} is plain evaluation.
 */
public interface Src {
    /** An awaitable of {@code value}. */
    <T> Awaitable<T> v(T value);

    /** An awaitable that fails with {@code failure}. */
    <T> Awaitable<T> fail(RuntimeException failure);
}
