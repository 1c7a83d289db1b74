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
