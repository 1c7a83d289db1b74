package io.jasyncio.bench.peers.tascalate;

import static net.tascalate.async.CallContext.async;
import static net.tascalate.async.CallContext.await;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import net.tascalate.async.async;

/**
 * Fails the benchmark at once if the build did not enhance this project's classes: unenhanced,
 * {@code await} does not suspend (it throws, or would block), and nothing meaningful is measured.
 */
final class Woven {
    private Woven() {
    }

    static void require() {
        CompletableFuture<Integer> gate = new CompletableFuture<>();
        // if await blocks instead of suspending, this failure releases it after a few seconds
        CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS).execute(() -> gate.completeExceptionally(
                new IllegalStateException("await blocked")));
        CompletableFuture<Integer> r;
        try {
            r = probe(gate).toCompletableFuture();
        } catch (RuntimeException | Error e) {
            throw new IllegalStateException("Tascalate did not enhance the benchmark classes: " + e, e);
        }
        if (r.isDone()) {
            throw new IllegalStateException("Tascalate did not enhance the benchmark classes: await did not suspend ("
                    + r + ")");
        }
        gate.complete(42);
        if (r.join() != 43) {
            throw new IllegalStateException("enhanced probe returned " + r.join());
        }
    }

    /** Enhanced, this returns an incomplete stage while {@code gate} is pending. */
    @async
    private static CompletionStage<Integer> probe(CompletableFuture<Integer> gate) {
        int v = await(gate);
        return async(v + 1);
    }
}
