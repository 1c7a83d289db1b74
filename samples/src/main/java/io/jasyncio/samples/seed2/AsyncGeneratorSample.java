package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.AsyncGenerator;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.Emitter;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 002, §4.3: an asynchronous generator. Java has no {@code yield} in methods: the generator's body is
 * an {@code @Async} method that hands each value to an {@link Emitter} ({@code await(out.emit(i))} is
 * {@code yield i}) and stays parked there until the consumer asks for the next one, so values are made
 * lazily, one per request. As in Python, the body runs in the consumer's task.
 */
public final class AsyncGeneratorSample {
    private AsyncGeneratorSample() {
    }

    /** Calling Python's {@code async_gen()}: a new generator, whose body starts at the first request. */
    public static AsyncGenerator<Integer> asyncGen() {
        return AsyncGenerator.of(out -> asyncGenBody(out));
    }

    /** The body of {@code async def async_gen(): for i in range(3): await asyncio.sleep(1); yield i}. */
    @Async
    private static Coroutine<Void> asyncGenBody(Emitter<Integer> out) {
        for (int i = 0; i < 3; i++) {
            await(sleep(1));
            await(out.emit(i));
        }
        return completed();
    }

    @Async
    public static Coroutine<Void> main() {
        for (var it = asyncGen().iterator(); await(it.hasNext()); ) {
            System.out.println(it.next());
        }
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
