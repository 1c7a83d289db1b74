package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 002, §4.2: an asynchronous iterator. Java has no {@code async for}: the loop awaits
 * {@code anext()} until it reports the end, which here is {@code null} (Python's StopAsyncIteration).
 */
public final class AsyncIterator {
    private AsyncIterator() {
    }

    public static final class AsyncCounter {
        private int current;
        private final int stop;

        public AsyncCounter(int stop) {
            this.stop = stop;
        }

        /** Python's {@code __anext__}: the next number after a second, or null once {@code stop} is reached. */
        @Async
        public Coroutine<Integer> anext() {
            if (current < stop) {
                await(sleep(1));
                current += 1;
                return completed(current);
            }
            return completed(null);
        }
    }

    @Async
    public static Coroutine<Void> main() {
        AsyncCounter counter = new AsyncCounter(3);
        for (Integer i; (i = await(counter.anext())) != null; ) {
            System.out.println(i);
        }
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
