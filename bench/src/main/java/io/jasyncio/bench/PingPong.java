package io.jasyncio.bench;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.getRunningLoop;

/**
 * Workload 2: two tasks hand a value back and forth through futures. One round trip is two
 * suspensions and two resumptions, each through the loop's ready queue, plus two new futures.
 */
final class PingPong {
    /** The futures each side is waiting on now. */
    Future<Integer> toPing;
    Future<Integer> toPong;

    private PingPong() {
    }

    /** Runs {@code n} round trips; the result is the sum of the values pong echoed. */
    @Async
    static Coroutine<Long> run(int n) {
        PingPong p = new PingPong();
        p.toPong = getRunningLoop().createFuture();
        Task<Void> pong = createTask(pong(p, n));
        long sum = await(ping(p, n));
        await(pong);
        return completed(sum);
    }

    @Async
    static Coroutine<Long> ping(PingPong p, int n) {
        EventLoop loop = getRunningLoop();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            p.toPing = loop.createFuture();
            p.toPong.setResult(i);
            sum += await(p.toPing);
        }
        return completed(sum);
    }

    @Async
    static Coroutine<Void> pong(PingPong p, int n) {
        EventLoop loop = getRunningLoop();
        for (int i = 0; i < n; i++) {
            int v = await(p.toPong);
            p.toPong = loop.createFuture();
            p.toPing.setResult(v);
        }
        return completed();
    }
}
