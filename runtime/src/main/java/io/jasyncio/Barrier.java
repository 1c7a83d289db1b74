package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

/**
 * asyncio's Barrier: {@code parties} tasks wait for each other; when the last one arrives all are
 * released together, each learning its arrival index (0 to parties-1), and the barrier can be used
 * again. Tasks arriving while the previous round drains wait for the next round. {@link #reset()}
 * sends the waiting tasks a {@link BarrierBrokenException} and starts afresh; {@link #abort()} breaks
 * the barrier for good. Python's {@code wait()} is {@link #arriveAndWait()} here ({@code Object.wait()}
 * is taken); {@code async with barrier as i:} is {@code int i = await(barrier.arriveAndWait());}.
 */
public final class Barrier extends LoopBound {
    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private final int parties;
    /** Notifies every task in the barrier when its state changes. */
    private final Condition cond = new Condition();
    private State state = State.FILLING;
    /** Tasks inside the barrier: arrived and not yet left. */
    private int count;

    /** A barrier for {@code parties} tasks; throws IllegalArgumentException if it is below 1. */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("Barrier(" + parties + "): parties must be >= 1");
        }
        this.parties = parties;
    }

    /**
     * Arrives and waits until {@code parties} tasks have arrived (Python's {@code wait()}); completes with
     * this task's arrival index. Fails with {@link BarrierBrokenException} if the barrier is broken, or
     * is reset or aborted while waiting.
     */
    @Async
    @SuppressWarnings("try")   // the resource only releases the lock
    public Coroutine<Integer> arriveAndWait() {
        try (var held = await(cond.acquire())) {
            // The previous round is still draining (or resetting): wait for the next one.
            await(cond.waitFor(() -> state != State.DRAINING && state != State.RESETTING));
            if (state == State.BROKEN) {
                throw new BarrierBrokenException("Barrier aborted");
            }
            int index = count++;
            try {
                if (index + 1 == parties) {
                    state = State.DRAINING;   // the last arrival releases the others
                    cond.notifyAllWaiters();
                } else {
                    await(cond.waitFor(() -> state != State.FILLING));
                    if (state == State.BROKEN || state == State.RESETTING) {
                        throw new BarrierBrokenException("Barrier aborted or reset while waiting");
                    }
                }
                return completed(index);
            } finally {
                leave();
            }
        }
    }

    /** Returns the barrier to its empty state; tasks waiting in it get a {@link BarrierBrokenException}. */
    @Async
    @SuppressWarnings("try")   // the resource only releases the lock
    public Coroutine<Void> reset() {
        try (var held = await(cond.acquire())) {
            if (count > 0) {
                state = State.RESETTING;   // the last task to leave sets FILLING again
            } else {
                state = State.FILLING;
            }
            cond.notifyAllWaiters();
        }
        return completed();
    }

    /** Breaks the barrier: waiting and future arrivals get a {@link BarrierBrokenException}. */
    @Async
    @SuppressWarnings("try")   // the resource only releases the lock
    public Coroutine<Void> abort() {
        try (var held = await(cond.acquire())) {
            state = State.BROKEN;
            cond.notifyAllWaiters();
        }
        return completed();
    }

    public int parties() {
        return parties;
    }

    /** How many tasks wait in the barrier for it to fill (Python's {@code n_waiting}). */
    public int nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    /** Python's {@code broken}. */
    public boolean isBroken() {
        return state == State.BROKEN;
    }

    /** A task leaves: the last one out of a draining or resetting barrier makes it fillable again. */
    private void leave() {
        count--;
        if (count == 0) {
            if (state == State.RESETTING || state == State.DRAINING) {
                state = State.FILLING;
            }
            cond.notifyAllWaiters();
        }
    }

    @Override
    public String toString() {
        return "Barrier[" + state.name().toLowerCase() + ", waiters:" + nWaiting() + "/" + parties + "]";
    }
}
