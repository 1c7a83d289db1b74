package io.jasyncio.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Workload 3: ns per task created, run to completion and awaited (1,000 per invocation), plain and
 * eager (Python 3.12's eager task factory). Peers: a virtual thread started and joined; a
 * {@code CompletableFuture.supplyAsync} on a single-threaded loop, then joined.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpawnBenchmark {
    static final int N = 1_000;

    @Benchmark
    @OperationsPerInvocation(N)
    public long jasyncioTask(LoopState s) {
        return s.loop.runUntilComplete(Spawn.createAndAwait(N));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long virtualThread() {
        VirtualThreads.require();
        long[] box = new long[N];
        Thread[] threads = new Thread[N];
        for (int i = 0; i < N; i++) {
            int k = i;
            threads[i] = VirtualThreads.start(() -> box[k] = k);
        }
        long sum = 0;
        for (int i = 0; i < N; i++) {
            VirtualThreads.join(threads[i]);
            sum += box[i];
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    @SuppressWarnings("unchecked")
    public long completableFuture() {
        LoopExecutor loop = new LoopExecutor();
        CompletableFuture<Integer>[] futures = new CompletableFuture[N];
        for (int i = 0; i < N; i++) {
            int k = i;
            futures[i] = CompletableFuture.supplyAsync(() -> k, loop);
        }
        loop.runUntilDone(CompletableFuture.allOf(futures));
        long sum = 0;
        for (CompletableFuture<Integer> f : futures) {
            sum += f.join();
        }
        return sum;
    }
}
