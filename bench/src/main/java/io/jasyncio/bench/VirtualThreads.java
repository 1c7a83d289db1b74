package io.jasyncio.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Virtual threads for the peer benchmarks, reached through a method handle so that this module
 * still compiles with {@code --release 17}; on a JDK without them the peers say so and are skipped.
 */
final class VirtualThreads {
    private static final MethodHandle START = find();

    private VirtualThreads() {
    }

    private static MethodHandle find() {
        try {
            return MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread",
                    MethodType.methodType(Thread.class, Runnable.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    static boolean available() {
        return START != null;
    }

    /** Fails the JMH setup (JMH then reports and skips the benchmark) on JDKs before 21. */
    static void require() {
        if (START == null) {
            throw new UnsupportedOperationException("virtual threads need JDK 21+; running on " + Runtime.version());
        }
    }

    /** {@code Thread.startVirtualThread(task)}. */
    static Thread start(Runnable task) {
        try {
            return (Thread) START.invokeExact(task);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
