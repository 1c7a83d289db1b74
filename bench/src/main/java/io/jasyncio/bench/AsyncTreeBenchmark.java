package io.jasyncio.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Workload 4: ms per pyperformance {@code async_tree} (6 levels × 6 branches), plain and eager tasks.
 * Peers: the same tree of CompletableFutures on a single-threaded executor, and of virtual threads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AsyncTreeBenchmark {
    @Param({"none", "io"})
    public String variant;

    @Benchmark
    public void jasyncio(LoopState s) {
        s.loop.runUntilComplete(AsyncTree.recurse(AsyncTree.LEVELS, variant.equals("io")));
    }

    @Benchmark
    public void completableFuture() {
        LoopExecutor loop = new LoopExecutor();
        loop.runUntilDone(AsyncTree.recurseFutures(AsyncTree.LEVELS, variant.equals("io"), loop));
    }

    @Benchmark
    public void virtualThreads() {
        VirtualThreads.require();
        Thread root = VirtualThreads.start(() -> AsyncTree.recurseVirtual(AsyncTree.LEVELS, variant.equals("io")));
        VirtualThreads.join(root);
    }
}
