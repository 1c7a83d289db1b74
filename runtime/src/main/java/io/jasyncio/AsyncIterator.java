package io.jasyncio;

import java.util.NoSuchElementException;

/**
 * Python's asynchronous iterator ({@code __anext__}), in the shape of {@link java.util.Iterator}: awaiting
 * {@link #hasNext()} fetches the next element (it may suspend), {@link #next()} then hands it over.
 * Python's {@code async for x in it: ...} is
 * <pre>{@code
 * for (var it = iterable.iterator(); await(it.hasNext()); ) {
 *     T x = it.next();
 *     ...
 * }
 * }</pre>
 * The end is a {@code false} from {@code hasNext()} rather than a marker element or an exception, so
 * {@code null} is an ordinary element and the loop costs no exception (Python's StopAsyncIteration).
 *
 * <p>Contract for implementers, as {@link java.util.Iterator}'s: awaiting {@code hasNext()} again before
 * {@code next()} answers the same and skips nothing; {@code next()} without a fetched element throws
 * {@link NoSuchElementException}. An iterator is an {@link AsyncCloseable}, so
 * {@code try (var it = iterable.iterator()) { ... }} inside an {@code @Async} method releases it when
 * the loop stops early (Python's {@code contextlib.aclosing}); the default close does nothing.
 */
public interface AsyncIterator<T> extends AsyncCloseable {
    /** Fetches the next element if none is pending: an awaitable of whether there is one. */
    Awaitable<Boolean> hasNext();

    /** The element the last {@code hasNext()} fetched; throws {@link NoSuchElementException} if none. */
    T next();

    /**
     * Python's {@code anext(it)}: a coroutine of the next element, failing with
     * {@link NoSuchElementException} at the end (StopAsyncIteration). Being a coroutine, it can be
     * made a task or gathered, unlike {@code hasNext()}'s awaitable, which must be awaited directly.
     */
    default Coroutine<T> anext() {
        return AsyncIteration.anext(this);
    }

    /** Python's {@code anext(it, default)}: the next element, or {@code defaultValue} at the end. */
    default Coroutine<T> anext(T defaultValue) {
        return AsyncIteration.anext(this, defaultValue);
    }

    /** Nothing to release by default. */
    @Override
    default Awaitable<?> closeAsync(Throwable failure) {
        return FrameAwaitable.NOTHING;
    }
}
