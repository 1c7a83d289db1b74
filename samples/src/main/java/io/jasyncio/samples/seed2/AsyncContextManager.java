package io.jasyncio.samples.seed2;

import io.jasyncio.AsyncCloseable;
import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 002, §4.1: an asynchronous context manager. {@code __aenter__} is a coroutine the caller awaits;
 * {@code __aexit__} is {@link AsyncCloseable#closeAsync}, which try-with-resources awaits on the way out
 * of an {@code @Async} method. Opening and closing take a second each.
 */
public final class AsyncContextManager {
    private AsyncContextManager() {
    }

    public static final class AsyncResource implements AsyncCloseable {
        /** Python's {@code __aenter__}. */
        @Async
        public Coroutine<AsyncResource> aenter() {
            System.out.println("Opening resource");
            await(sleep(1));
            return completed(this);
        }

        /** Python's {@code __aexit__}: told what the block threw, if anything. */
        @Override
        public Awaitable<?> closeAsync(Throwable failure) {
            return aexit(failure);
        }

        @Async
        private Coroutine<Void> aexit(Throwable failure) {
            System.out.println("Closing resource");
            await(sleep(1));
            return completed();
        }
    }

    @Async
    @SuppressWarnings("try")   // like the seed, the block does not use the resource, only opens and closes it
    public static Coroutine<Void> main() {
        try (AsyncResource resource = await(new AsyncResource().aenter())) {
            System.out.println("Using resource");
        }
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
