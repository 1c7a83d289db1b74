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
     * as the schedule says. It must not declare {@code close()}: the weaver rewrites a bare {@code close()}
     * (what javac emits for a try-with-resources whose body cannot throw) only when it resolves to
     * {@link io.jasyncio.AsyncCloseable}'s default (docs/ABI.md, "async with"). The synchronous twin uses
     * {@link SyncARes} instead ({@link Program#syncTwin} renames it).
     */
    public static final class ARes implements io.jasyncio.AsyncCloseable {
        private final StringBuilder log;
        private final int site;
        private final AsyncSrc src;

        public ARes(StringBuilder log, int site, AsyncSrc src) {
            this.log = log;
            this.site = site;
            this.src = src;
            log.append("aopen").append(site).append(';');
        }

        @Override
        public io.jasyncio.Awaitable<?> closeAsync(Throwable failure) {
            log.append("aclose").append(site).append(';');
            return src.str(site, "closed");
        }
    }

    /**
     * The synchronous twin's {@link ARes}: javac's plain {@code close()} does what {@code closeAsync} does,
     * through the reference source.
     */
    public static final class SyncARes implements AutoCloseable {
        private final StringBuilder log;
        private final int site;
        private final SyncSrc src;

        public SyncARes(StringBuilder log, int site, SyncSrc src) {
            this.log = log;
            this.site = site;
            this.src = src;
            log.append("aopen").append(site).append(';');
        }

        @Override
        public void close() {
            log.append("aclose").append(site).append(';');
            try {
                src.str(site, "closed");
            } catch (RuntimeException | Error e) {
                CLOSE_FAILURES.put(e, site);
                throw e;
            }
        }
    }

    /** Failures thrown by the twin's {@link SyncARes#close()}, with the resource's site (weakly: identity keys). */
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
