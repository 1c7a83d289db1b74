package io.jasyncio.bench.peers.eaasync;

import static com.ea.async.Async.await;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Fails the benchmark at once if the build did not weave this project's classes. Unwoven, EA Async's
 * {@code await} logs a warning and falls back to {@code join}, which would silently measure a blocking
 * wait (or hang) instead of a suspension.
 */
final class Woven {
    private Woven() {
    }

    static void require() {
        CompletableFuture<Integer> gate = new CompletableFuture<>();
        // if await blocks (unwoven), this failure releases it after a few seconds and surfaces as the error
        CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS).execute(() -> gate.completeExceptionally(
                new IllegalStateException("EA Async did not weave the benchmark classes: await blocked")));
        CompletableFuture<Integer> r;
        try {
            r = probe(gate);
        } catch (CompletionException e) {
            throw new IllegalStateException(String.valueOf(e.getCause().getMessage()), e);
        }
        if (r.isDone()) {
            throw new IllegalStateException("EA Async did not weave the benchmark classes: await did not suspend");
        }
        gate.complete(42);
        if (r.join() != 43) {
            throw new IllegalStateException("woven probe returned " + r.join());
        }
    }

    /** Woven, this returns an incomplete future while {@code gate} is pending. */
    private static CompletableFuture<Integer> probe(CompletableFuture<Integer> gate) {
        int v = await(gate);
        return CompletableFuture.completedFuture(v + 1);
    }
}
