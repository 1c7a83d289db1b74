package io.jasyncio.bench.peers.tascalate;

import static net.tascalate.async.CallContext.async;
import static net.tascalate.async.CallContext.await;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import net.tascalate.async.async;

/** Workload 1 written for Tascalate async-await: the same loop as jasyncio's {@code AwaitDone.sum}. */
final class AwaitDone {
    private AwaitDone() {
    }

    /** Awaits {@code n} done futures, cycling through the array so the JIT cannot hoist the read. */
    @async
    static CompletionStage<Long> sum(CompletableFuture<Integer>[] done, int n) {
        long sum = 0;
        int mask = done.length - 1;
        for (int i = 0; i < n; i++) {
            sum += await(done[i & mask]);
        }
        return async(sum);
    }
}
