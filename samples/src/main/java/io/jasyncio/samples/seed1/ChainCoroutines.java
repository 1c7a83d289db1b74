package io.jasyncio.samples.seed1;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 001, "协程嵌套" (the chain-coroutines example of Python 3.6's documentation): awaiting a
 * coroutine runs it inside the caller's task, as {@code yield from} did, with no task of its own.
 */
public final class ChainCoroutines {
    private ChainCoroutines() {
    }

    @Async
    public static Coroutine<Integer> compute(int x, int y) {
        System.out.println("计算 " + x + " + " + y);
        await(sleep(2));
        return completed(x + y);
    }

    @Async
    public static Coroutine<Void> printSum(int x, int y) {
        System.out.println("打印 " + x + " + " + y);
        int result = await(compute(x, y));   // nested: compute runs as part of this coroutine
        System.out.println(x + " + " + y + " = " + result);
        return completed();
    }

    public static void run(EventLoop loop) {
        double start = loop.time();
        loop.runUntilComplete(printSum(1, 2));
        loop.close();
        System.out.println("耗时: " + (loop.time() - start));
    }

    public static void main(String[] args) {
        run(new EventLoop());
    }
}
