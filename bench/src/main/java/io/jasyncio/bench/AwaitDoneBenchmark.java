package io.jasyncio.bench;

import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Workload 1: one {@code await} of an already-done future, in ns. The coroutine runs 10,000 awaits per
 * invocation, so the task and loop start-up around it cost under 0.1 ns per await. Peers: reading the
 * result directly (what the fast path must approach) and {@code CompletableFuture.join} of a done future.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AwaitDoneBenchmark {
    static final int N = 10_000;
    private static final int FUTURES = 1024;

    private EventLoop loop;
    private Future<Integer>[] done;
    private CompletableFuture<Integer>[] doneCf;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        loop = new EventLoop();
        done = new Future[FUTURES];
        doneCf = new CompletableFuture[FUTURES];
        for (int i = 0; i < FUTURES; i++) {
            done[i] = loop.createFuture();
            done[i].setResult(i);
            doneCf[i] = CompletableFuture.completedFuture(i);
        }
    }

    @TearDown
    public void tearDown() {
        loop.close();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long jasyncioAwait() {
        return loop.runUntilComplete(AwaitDone.sum(done, N));
    }

    /** Not a target: awaiting a child coroutine that returns at once (one frame allocated per await). */
    @Benchmark
    @OperationsPerInvocation(N)
    public long jasyncioAwaitCoroutine() {
        return loop.runUntilComplete(AwaitDone.sumChildren(N));
    }

    /** The floor: the same loop calling {@code result()} on the done futures. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long baselineResult() {
        Future<Integer>[] d = done;
        long sum = 0;
        for (int i = 0; i < N; i++) {
            sum += d[i & (FUTURES - 1)].result();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long completableFutureJoin() {
        CompletableFuture<Integer>[] d = doneCf;
        long sum = 0;
        for (int i = 0; i < N; i++) {
            sum += d[i & (FUTURES - 1)].join();
        }
        return sum;
    }
}
