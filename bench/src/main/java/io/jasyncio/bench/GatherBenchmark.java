package io.jasyncio.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Workload 3b: ms for one {@code gather} of 100,000 coroutines (each becomes a task), plain and eager. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GatherBenchmark {
    @Param({"100000"})
    public int n;

    @Benchmark
    public int jasyncioGather(LoopState s) {
        return s.loop.runUntilComplete(Spawn.gatherAll(n));
    }
}
