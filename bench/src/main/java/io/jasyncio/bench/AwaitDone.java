package io.jasyncio.bench;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Future;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

/**
 * Workload 1: {@code await} of futures that are already done, the weaver's inline fast path; and,
 * for comparison, {@code await} of a coroutine call that completes without suspending.
 */
final class AwaitDone {
    private AwaitDone() {
    }

    /** Awaits {@code n} done futures, cycling through the array so the JIT cannot hoist the read. */
    @Async
    static Coroutine<Long> sum(Future<Integer>[] done, int n) {
        long sum = 0;
        int mask = done.length - 1;
        for (int i = 0; i < n; i++) {
            sum += await(done[i & mask]);
        }
        return completed(sum);
    }

    /** Awaits {@code n} calls of a coroutine that returns without suspending (an inline child frame). */
    @Async
    static Coroutine<Long> sumChildren(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(identity(i));
        }
        return completed(sum);
    }

    @Async
    static Coroutine<Integer> identity(int i) {
        return completed(i);
    }
}
