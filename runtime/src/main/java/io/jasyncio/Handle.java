package io.jasyncio;

/** A callback scheduled on the loop by {@code callSoon}; {@link #cancel()} keeps it from running. */
public class Handle implements Runnable {
    final Runnable callback;
    boolean cancelled;

    Handle(Runnable callback) {
        this.callback = callback;
    }

    /** Keeps the callback from running, if it has not run yet. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs the callback unless cancelled; called by the loop. */
    @Override
    public void run() {
        if (!cancelled) {
            callback.run();
        }
    }

    /** The callback this handle runs (for debug output). */
    public Runnable callback() {
        return callback;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + callback + (cancelled ? " cancelled]" : "]");
    }
}
