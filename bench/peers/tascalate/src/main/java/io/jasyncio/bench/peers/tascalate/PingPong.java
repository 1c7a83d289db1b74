package io.jasyncio.bench.peers.tascalate;

import static net.tascalate.async.CallContext.async;
import static net.tascalate.async.CallContext.await;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import net.tascalate.async.async;

/**
 * Workload 2 written for Tascalate async-await: two async methods hand a value back and forth through
 * {@code CompletableFuture}s, structured as jasyncio's {@code PingPong}. With the default scheduler a
 * suspended method resumes on whatever thread completes its future, so each side completes the other's
 * future through an executor (the other side's thread, or a queue that the caller drains), never
 * directly: a direct completion would resume the other method on the completer's stack, which would
 * grow with every round trip.
 */
final class PingPong {
    private final Executor pingSide;
    private final Executor pongSide;
    /** The futures each side is waiting on now. */
    private CompletableFuture<Integer> toPing;
    private CompletableFuture<Integer> toPong = new CompletableFuture<>();

    private PingPong(Executor pingSide, Executor pongSide) {
        this.pingSide = pingSide;
        this.pongSide = pongSide;
    }

    /**
     * Starts {@code n} round trips: ping's completions run on {@code pongSide}, pong's on {@code pingSide}.
     * The result is the sum of the values pong echoed, complete once both sides are done.
     */
    static CompletableFuture<Long> start(int n, Executor pingSide, Executor pongSide) {
        PingPong p = new PingPong(pingSide, pongSide);
        CompletableFuture<Void> pong = pong(p, n).toCompletableFuture();
        return ping(p, n).toCompletableFuture().thenCombine(pong, (sum, none) -> sum);
    }

    @async
    private static CompletionStage<Long> ping(PingPong p, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            CompletableFuture<Integer> answer = new CompletableFuture<>();
            p.toPing = answer;   // set before the ask leaves: pong may answer at once on another thread
            CompletableFuture<Integer> ask = p.toPong;
            int v = i;
            p.pongSide.execute(() -> ask.complete(v));
            sum += await(answer);
        }
        return async(sum);
    }

    @async
    private static CompletionStage<Void> pong(PingPong p, int n) {
        for (int i = 0; i < n; i++) {
            int v = await(p.toPong);
            p.toPong = new CompletableFuture<>();
            CompletableFuture<Integer> answer = p.toPing;
            p.pingSide.execute(() -> answer.complete(v));
        }
        return async(null);
    }
}
