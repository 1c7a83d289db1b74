package io.jasyncio;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

/** The adapters and collectors behind {@link AsyncIterable}'s static and default methods. */
final class AsyncIteration {
    private AsyncIteration() {
    }

    @Async
    static <T> Coroutine<List<T>> toList(AsyncIterable<T> source) {
        List<T> out = new ArrayList<>();
        try (AsyncIterator<T> it = source.iterator()) {
            while (await(it.hasNext())) {
                out.add(it.next());
            }
        }
        return completed(out);
    }

    @Async
    static <T> Coroutine<T> anext(AsyncIterator<T> it) {
        if (!await(it.hasNext())) {
            throw new NoSuchElementException("anext(): the async iterator is exhausted");
        }
        return completed(it.next());
    }

    @Async
    static <T> Coroutine<T> anext(AsyncIterator<T> it, T defaultValue) {
        return completed(await(it.hasNext()) ? it.next() : defaultValue);
    }

    /** Holds the element a {@code hasNext()} fetched until {@code next()} takes it. */
    abstract static class Fetched<T> implements AsyncIterator<T> {
        private T element;
        private boolean fetched;

        final boolean fetched() {
            return fetched;
        }

        final void fetch(T e) {
            element = e;
            fetched = true;
        }

        @Override
        public final T next() {
            if (!fetched) {
                throw new NoSuchElementException("next() without an awaited hasNext() that answered true");
            }
            T e = element;
            element = null;
            fetched = false;
            return e;
        }
    }

    /** A synchronous iterator: answers at once, without allocating. */
    static final class OfIterator<T> extends Fetched<T> {
        private final Iterator<? extends T> items;

        OfIterator(Iterator<? extends T> items) {
            this.items = items;
        }

        @Override
        public Awaitable<Boolean> hasNext() {
            if (!fetched()) {
                if (!items.hasNext()) {
                    return FrameAwaitable.FALSE;
                }
                fetch(items.next());
            }
            return FrameAwaitable.TRUE;
        }
    }

    /** A queue until it is shut down: takes a ready item without suspending, else waits in get(). */
    static final class OfQueue<T> extends Fetched<T> {
        private final AsyncQueue<T> queue;

        OfQueue(AsyncQueue<T> queue) {
            this.queue = queue;
        }

        @Override
        public Awaitable<Boolean> hasNext() {
            if (fetched()) {
                return FrameAwaitable.TRUE;
            }
            if (!queue.isEmpty()) {
                fetch(queue.getNowait());
                return FrameAwaitable.TRUE;
            }
            if (queue.isShutdown()) {
                return FrameAwaitable.FALSE;
            }
            return waitForItem();
        }

        @Async
        private Coroutine<Boolean> waitForItem() {
            T item;
            try {
                item = await(queue.get());
            } catch (QueueShutDownException e) {
                return completed(false);
            }
            fetch(item);
            return completed(true);
        }
    }
}
