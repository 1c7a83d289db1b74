package io.jasyncio.bench.peers.eaasync;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * Workload 2 for EA Async 1.2.3 (woven offline): ns per ping-pong round trip between two async methods,
 * that is two suspensions of an {@code await} on a pending {@code CompletableFuture}, each resumed by a
 * {@code complete} that the other side handed to an executor.
 * <ul>
 * <li>{@link #queue}: both sides on the benchmark thread; the completions go through a FIFO queue that
 * the thread drains, as jasyncio's {@code CompletableFuture} ping-pong peer does: the hand-off nearest
 * to jasyncio's ready queue. 10,000 round trips per invocation.</li>
 * <li>{@link #crossThread}: ping resumes on one single-thread executor, pong on another; each completion
 * is submitted to the other side's executor, so every suspension ends with a completion on another
 * thread (a queue hand-off and, when that thread is parked, a wake-up). 1,000 round trips per invocation:
 * the wake-ups dominate, there is nothing left to amortise.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EaAsyncPingPongBenchmark {
    static final int N = 10_000;
    static final int N_CROSS = 1_000;

    private ExecutorService pingThread;
    private ExecutorService pongThread;

    @Setup
    public void setUp() {
        Woven.require();
        pingThread = Executors.newSingleThreadExecutor(daemon("ping"));
        pongThread = Executors.newSingleThreadExecutor(daemon("pong"));
    }

    @TearDown
    public void tearDown() {
        pingThread.shutdownNow();
        pongThread.shutdownNow();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long queue() {
        ArrayDeque<Runnable> ready = new ArrayDeque<>();
        Executor loop = ready::add;
        CompletableFuture<Long> result = PingPong.start(N, loop, loop);
        for (Runnable r; (r = ready.poll()) != null; ) {
            r.run();
        }
        return result.join();
    }

    @Benchmark
    @OperationsPerInvocation(N_CROSS)
    public long crossThread() {
        return PingPong.start(N_CROSS, pingThread, pongThread).join();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, "ea-async-" + name);
            t.setDaemon(true);
            return t;
        };
    }
}
