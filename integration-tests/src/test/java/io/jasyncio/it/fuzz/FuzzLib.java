package io.jasyncio.it.fuzz;

/**
 * What generated programs call besides the awaited source: constructors with several argument types
 * (so a suspension happens with arguments of an unfinished {@code new} on the stack), a varargs method,
 * an enum to switch on, and a resource for try-with-resources. Nothing here awaits.
 */
public final class FuzzLib {
    private FuzzLib() {
    }

    public enum E { A, B, C }

    /** Mixed-width constructor arguments: a reference, a long (two slots) and a double (two slots). */
    public static final class Box {
        public final String s;

        public Box(String a, long b, double c) {
            s = a + "|" + b + "|" + c;
        }
    }

    public static final class IntPair {
        public final int v;

        public IntPair(int a, int b) {
            v = a * 31 + b;
        }
    }

    public static long sum(int... xs) {
        long s = 0;
        for (int x : xs) {
            s = s * 7 + x;
        }
        return s;
    }

    public static long mix(int a, long b, double c) {
        return a * 1_000_003L + b ^ Double.doubleToLongBits(c);
    }

    /**
     * An asynchronous resource ("async with"): in a woven program try-with-resources awaits its
     * {@code closeAsync}, which awaits the program's source, so closing may suspend, fail or be cancelled
     * as the schedule says. In the synchronous twin (built with a {@link SyncSrc}) javac's plain
     * {@code close()} does the same through the reference source.
     */
    public static final class ARes implements io.jasyncio.AsyncCloseable {
        private final StringBuilder log;
        private final int site;
        private final AsyncSrc async;
        private final SyncSrc sync;

        public ARes(StringBuilder log, int site, AsyncSrc src) {
            this(log, site, src, null);
        }

        public ARes(StringBuilder log, int site, SyncSrc src) {
            this(log, site, null, src);
        }

        private ARes(StringBuilder log, int site, AsyncSrc async, SyncSrc sync) {
            this.log = log;
            this.site = site;
            this.async = async;
            this.sync = sync;
            log.append("aopen").append(site).append(';');
        }

        @Override
        public io.jasyncio.Awaitable<?> closeAsync(Throwable failure) {
            if (async == null) {
                throw new IllegalStateException("closeAsync on the synchronous twin's resource");
            }
            log.append("aclose").append(site).append(';');
            return async.str(site, "closed");
        }

        @Override
        public void close() {
            if (sync == null) {
                io.jasyncio.AsyncCloseable.super.close();   // the weaver should have replaced this call
            }
            log.append("aclose").append(site).append(';');
            try {
                sync.str(site, "closed");
            } catch (RuntimeException | Error e) {
                CLOSE_FAILURES.put(e, site);
                throw e;
            }
        }
    }

    /** Failures thrown by the twin's {@link ARes#close()}, with the resource's site (weakly: identity keys). */
    static final java.util.Map<Throwable, Integer> CLOSE_FAILURES =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** A plain (synchronous) resource: its close is logged, so a skipped or doubled close shows. */
    public static final class Res implements AutoCloseable {
        private final StringBuilder log;
        private final int id;

        public Res(StringBuilder log, int id) {
            this.log = log;
            this.id = id;
            log.append("open").append(id).append(';');
        }

        @Override
        public void close() {
            log.append("close").append(id).append(';');
        }
    }
}
