package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.samples.AsyncGenerator;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 002, §4.3: an asynchronous generator. Java has no {@code yield} in methods, so the generator's body
 * is a coroutine that hands each value to {@link AsyncGenerator.Yield} and waits there until the
 * consumer asks for the next one: values are still produced lazily, one per request.
 */
public final class AsyncGeneratorSample {
    private AsyncGeneratorSample() {
    }

    /** Python's {@code async def async_gen(): for i in range(3): await sleep(1); yield i}. */
    public static AsyncGenerator<Integer> asyncGen() {
        return new AsyncGenerator<>(AsyncGeneratorSample::asyncGenBody);
    }

    @Async
    private static Coroutine<Void> asyncGenBody(AsyncGenerator.Yield<Integer> out) {
        for (int i = 0; i < 3; i++) {
            await(sleep(1));
            await(out.yield(i));
        }
        return completed();
    }

    @Async
    public static Coroutine<Void> main() {
        AsyncGenerator<Integer> gen = asyncGen();
        for (Integer item; (item = await(gen.anext())) != null; ) {
            System.out.println(item);
        }
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
