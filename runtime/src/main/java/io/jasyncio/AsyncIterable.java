package io.jasyncio;

import java.util.List;

/**
 * Python's asynchronous iterable ({@code __aiter__}): something {@code async for} can walk. See
 * {@link AsyncIterator} for the loop; {@link AsyncGenerator} is the usual way to write one, and
 * {@code () -> AsyncGenerator.of(out -> numbers(out))} is an iterable that starts a fresh generator for
 * every loop, as calling an async generator function does in Python.
 */
@FunctionalInterface
public interface AsyncIterable<T> {
    /** A new iterator, or this object itself if it is its own iterator (as an async generator is). */
    AsyncIterator<T> iterator();

    /** Python's {@code [x async for x in it]}: a coroutine of every element, in order. */
    default Coroutine<List<T>> toList() {
        return AsyncIteration.toList(this);
    }

    /** A synchronous iterable seen as an asynchronous one: {@code hasNext()} never suspends. */
    static <T> AsyncIterable<T> from(Iterable<? extends T> items) {
        return () -> new AsyncIteration.OfIterator<>(items.iterator());
    }

    /**
     * The items of a queue as they arrive: each {@code hasNext()} takes an item (waiting while the queue
     * is empty) and answers false once the queue is shut down and empty. The consumer still calls
     * {@link AsyncQueue#taskDone()} if it uses {@code join()}.
     */
    static <T> AsyncIterable<T> fromQueue(AsyncQueue<T> queue) {
        return () -> new AsyncIteration.OfQueue<>(queue);
    }
}
