package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 002, §1.3 and §2.1: a first coroutine, run the recommended way ({@code Asyncio.run}) and the
 * old way (a loop made, run and closed by hand).
 */
public final class HelloWorld {
    private HelloWorld() {
    }

    /** §1.3's {@code my_coroutine}: a coroutine is a method that can pause at await and returns later. */
    @Async
    public static Coroutine<String> myCoroutine() {
        await(sleep(1));
        return completed("Done");
    }

    @Async
    public static Coroutine<Void> helloWorld() {
        System.out.println("Hello");
        await(sleep(1));
        System.out.println("World");
        return completed();
    }

    /** The old way: {@code loop = get_event_loop(); loop.run_until_complete(...); loop.close()}. */
    public static void runTheOldWay() {
        EventLoop loop = new EventLoop();
        loop.runUntilComplete(helloWorld());
        loop.close();
    }

    public static void main(String[] args) {
        Asyncio.run(helloWorld());   // Python 3.7+'s recommended way
    }
}
