package io.jasyncio.it.fuzz;

/** Fuzz programs throw only unchecked failures; this lets {@code throw src.closeWins(...)} rethrow any of them. */
final class Rethrow {
    private Rethrow() {
    }

    static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new AssertionError("a fuzz program threw a checked exception", t);
    }
}
