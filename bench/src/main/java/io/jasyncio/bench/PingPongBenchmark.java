package io.jasyncio.bench;

import io.jasyncio.EventLoop;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Workload 2: ns per ping-pong round trip between two tasks (ping → pong → ping: two suspensions and
 * two resumptions). Peers: two virtual threads through a pair of {@code SynchronousQueue}s (the
 * default scheduler, and one carrier thread as the loop has), and a {@code CompletableFuture} chain
 * whose async continuations run on a single-threaded queue.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PingPongBenchmark {
    static final int N = 10_000;

    private EventLoop loop;

    @Setup
    public void setUp() {
        loop = new EventLoop();
    }

    @TearDown
    public void tearDown() {
        loop.close();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long jasyncio() {
        return loop.runUntilComplete(PingPong.run(N));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long virtualThreads() {
        return virtualThreadPingPong(N);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    @Fork(jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=1")
    public long virtualThreadsOneCarrier() {
        return virtualThreadPingPong(N);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long completableFuture() {
        return completableFuturePingPong(N);
    }

    static long virtualThreadPingPong(int n) {
        VirtualThreads.require();
        SynchronousQueue<Integer> toPong = new SynchronousQueue<>();
        SynchronousQueue<Integer> toPing = new SynchronousQueue<>();
        long[] sum = new long[1];
        Thread pong = VirtualThreads.start(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    toPing.put(toPong.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread ping = VirtualThreads.start(() -> {
            try {
                long s = 0;
                for (int i = 0; i < n; i++) {
                    toPong.put(i);
                    s += toPing.take();
                }
                sum[0] = s;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        VirtualThreads.join(ping);
        VirtualThreads.join(pong);
        return sum[0];
    }

    static long completableFuturePingPong(int n) {
        ArrayDeque<Runnable> ready = new ArrayDeque<>();
        Executor loopExecutor = ready::add;
        final class Players {
            int i;
            long sum;

            void ping() {
                if (i == n) {
                    return;
                }
                CompletableFuture<Integer> toPong = new CompletableFuture<>();
                toPong.thenAcceptAsync(this::pong, loopExecutor);
                toPong.complete(i++);
            }

            void pong(int v) {
                CompletableFuture<Integer> toPing = new CompletableFuture<>();
                toPing.thenAcceptAsync(r -> {
                    sum += r;
                    ping();
                }, loopExecutor);
                toPing.complete(v);
            }
        }
        Players p = new Players();
        p.ping();
        for (Runnable r; (r = ready.poll()) != null; ) {
            r.run();
        }
        return p.sum;
    }
}
