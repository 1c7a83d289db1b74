package io.jasyncio.bench.peers.eaasync;

import static com.ea.async.Async.await;

import java.util.concurrent.CompletableFuture;

/** Workload 1 written for EA Async: the same loop as jasyncio's {@code AwaitDone.sum}. */
final class AwaitDone {
    private AwaitDone() {
    }

    /** Awaits {@code n} done futures, cycling through the array so the JIT cannot hoist the read. */
    static CompletableFuture<Long> sum(CompletableFuture<Integer>[] done, int n) {
        long sum = 0;
        int mask = done.length - 1;
        for (int i = 0; i < n; i++) {
            sum += await(done[i & mask]);
        }
        return CompletableFuture.completedFuture(sum);
    }
}
