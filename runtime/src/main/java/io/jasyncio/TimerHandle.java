package io.jasyncio;

/**
 * A callback scheduled for a loop time by {@code callLater} / {@code callAt}. Cancelling is O(1): the
 * handle is flagged and the loop's timer heap drops it lazily (compacting when most entries are cancelled).
 */
public final class TimerHandle extends Handle {
    final double when;
    final long sequence;
    EventLoop loop;      // non-null while the handle sits in the loop's timer heap

    TimerHandle(double when, long sequence, Runnable callback, EventLoop loop) {
        super(callback);
        this.when = when;
        this.sequence = sequence;
        this.loop = loop;
    }

    /** The loop time at which the callback is due. */
    public double when() {
        return when;
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            if (loop != null) {
                loop.timerCancelled(this);
            }
        }
    }

    /** Heap order: deadline, then scheduling order, so equal deadlines run first-come first-served. */
    boolean before(TimerHandle other) {
        return when < other.when || (when == other.when && sequence < other.sequence);
    }
}
