package io.jasyncio.bench.peers.eaasync;

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

/**
 * Workload 1 for EA Async 1.2.3 (woven offline, Java 11 bytecode): one {@code await} of a
 * {@code CompletableFuture} that is already done, in ns. As in jasyncio's {@code AwaitDoneBenchmark},
 * one invocation is a woven loop of 10,000 awaits over 1,024 done futures; the method's own start and
 * its returned {@code completedFuture} are amortised over them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EaAsyncAwaitDoneBenchmark {
    static final int N = 10_000;
    private static final int FUTURES = 1024;

    private CompletableFuture<Integer>[] done;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        Woven.require();
        done = new CompletableFuture[FUTURES];
        for (int i = 0; i < FUTURES; i++) {
            done[i] = CompletableFuture.completedFuture(i);
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long await() {
        return AwaitDone.sum(done, N).join();
    }
}
