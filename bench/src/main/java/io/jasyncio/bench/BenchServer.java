package io.jasyncio.bench;

import java.lang.management.ManagementFactory;

/**
 * A server the echo and HTTP benchmarks measure: where it listens, the thread whose CPU time it spends,
 * and how to stop it. {@code close()} returns once it has stopped.
 */
interface BenchServer extends AutoCloseable {
    int port();

    /** The thread that runs the server's loop, or null when its work is spread over several (virtual threads). */
    Thread thread();

    /** CPU time the server has used so far, in nanoseconds: its loop thread's, or a child process's. */
    default long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread().getId());
    }

    /** The server's own name for the results (versions included), or null for the benchmark's. */
    default String label() {
        return null;
    }

    @Override
    void close() throws Exception;
}
