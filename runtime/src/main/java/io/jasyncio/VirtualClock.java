package io.jasyncio;

/**
 * Virtual time for deterministic tests: when a loop using this clock has nothing ready to run, it
 * jumps the clock to its next timer instead of sleeping, so {@code await(sleep(3600))} returns at once
 * with {@code loop.time()} exactly one hour later.
 */
public final class VirtualClock implements Clock {
    private double now;

    public VirtualClock() {
        this(0.0);
    }

    public VirtualClock(double start) {
        this.now = start;
    }

    @Override
    public double time() {
        return now;
    }

    /** Moves time forward (never back). */
    public void advanceTo(double when) {
        if (when > now) {
            now = when;
        }
    }

    public void advance(double seconds) {
        advanceTo(now + seconds);
    }
}
