package io.jasyncio.it.fuzz;

/**
 * How the awaited values of one run complete: all at once (done futures), later (a future completed by a
 * later loop callback), after a virtual-time sleep (an awaited child coroutine), or a seeded mix; optionally
 * with the {@code failAt}-th await failing or the {@code cancelAt}-th await being cancelled while suspended.
 */
record Schedule(Mode mode, long seed, int failAt, int cancelAt) {
    enum Mode { IMMEDIATE, SOON, SLEEP, MIXED }

    static Schedule of(Mode mode) {
        return new Schedule(mode, 0, -1, -1);
    }

    static Schedule failing(int at, long seed) {
        return new Schedule(Mode.MIXED, seed, at, -1);
    }

    static Schedule cancelling(int at, long seed) {
        return new Schedule(Mode.MIXED, seed, -1, at);
    }

    /** The failure the {@code failAt}-th await throws, identified by its site. */
    static FuzzException failureAt(int site) {
        return new FuzzException(1000 + site);
    }

    @Override
    public String toString() {
        return mode + (mode == Mode.MIXED ? "(seed " + seed + ")" : "")
                + (failAt >= 0 ? " failing await #" + failAt : "") + (cancelAt >= 0 ? " cancelling await #" + cancelAt : "");
    }
}
