package io.jasyncio.samples.seed1;

import io.jasyncio.EventLoop;

/**
 * Seed 001, "call_*": plain callbacks (not coroutines) scheduled on the loop. {@code callSoon} and
 * {@code callSoonThreadsafe} run at the next iteration in the order they were made; {@code callLater}
 * and {@code callAt} run by due time, not by the order in the code.
 */
public final class CallOrdering {
    private CallOrdering() {
    }

    static void callback(String method, int sleepTimes) {
        System.out.println(method + " ==> " + sleepTimes);
    }

    public static void run(EventLoop loop) {
        // runUntilComplete does not fit: callbacks are not coroutines; runForever drives them
        loop.callLater(2, () -> callback("call_later", 2));
        loop.callLater(1, () -> callback("call_later", 1));
        loop.callLater(3, () -> callback("call_later", 3));
        // at the next iteration
        loop.callSoon(() -> callback("call_soon", 5));
        // at a given loop time; ordered like callLater
        double now = loop.time();
        loop.callAt(now + 2, () -> callback("call_at", 2));
        loop.callAt(now + 1, () -> callback("call_at", 1));
        loop.callAt(now + 3, () -> callback("call_at", 3));
        // the thread-safe callSoon (the only method other threads may call)
        loop.callSoonThreadsafe(() -> callback("call_soon_threadsafe", 2));
        // Python's version runs forever; stopping right after the last timer lets the tour go on.
        // Stopping now instead would drop every callLater and callAt.
        loop.callAt(now + 3, loop::stop);
        loop.runForever();
    }

    public static void main(String[] args) {
        try (EventLoop loop = new EventLoop()) {
            run(loop);
        }
    }
}
