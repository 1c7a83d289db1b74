package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.AsyncIterable;
import io.jasyncio.AsyncIterator;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import java.util.NoSuchElementException;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 002, §4.2: an asynchronous iterator written by hand. Python's {@code __anext__} is split as in
 * {@link java.util.Iterator}: awaiting {@code hasNext()} fetches the next number (it sleeps a second),
 * {@code next()} hands it over, and the end is a {@code false} rather than StopAsyncIteration.
 * {@code async for i in AsyncCounter(3)} is {@code for (var it = counter.iterator(); await(it.hasNext()); )}.
 */
public final class AsyncCounterSample {
    private AsyncCounterSample() {
    }

    /** Python's {@code AsyncCounter}: its own iterator, as {@code __aiter__} returning self makes it. */
    public static final class AsyncCounter implements AsyncIterable<Integer>, AsyncIterator<Integer> {
        private int current;
        private final int stop;
        /** Whether {@code current} was fetched by hasNext() and not yet taken by next(). */
        private boolean fetched;

        public AsyncCounter(int stop) {
            this.stop = stop;
        }

        /** Python's {@code __aiter__}. */
        @Override
        public AsyncIterator<Integer> iterator() {
            return this;
        }

        /** Python's {@code __anext__}, first half: the next number after a second, or false once {@code stop} is reached. */
        @Async
        @Override
        public Coroutine<Boolean> hasNext() {
            if (fetched) {
                return completed(true);   // asked again before next(): skip nothing
            }
            if (current < stop) {
                await(sleep(1));
                current += 1;
                fetched = true;
                return completed(true);
            }
            return completed(false);
        }

        /** Python's {@code __anext__}, second half: the number hasNext() fetched. */
        @Override
        public Integer next() {
            if (!fetched) {
                throw new NoSuchElementException("next() without an awaited hasNext() that answered true");
            }
            fetched = false;
            return current;
        }
    }

    @Async
    public static Coroutine<Void> main() {
        for (var it = new AsyncCounter(3).iterator(); await(it.hasNext()); ) {
            System.out.println(it.next());
        }
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
