package io.jasyncio;

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
    public Coroutine<Integer> arriveAndWait() {
        return new Arrive(this);
    }

    /** Returns the barrier to its empty state; tasks waiting in it get a {@link BarrierBrokenException}. */
    public Coroutine<Void> reset() {
        return new Locked(this, () -> {
            if (count > 0) {
                state = State.RESETTING;   // the last task to leave sets FILLING again
            } else {
                state = State.FILLING;
            }
            cond.notifyAllWaiters();
        });
    }

    /** Breaks the barrier: waiting and future arrivals get a {@link BarrierBrokenException}. */
    public Coroutine<Void> abort() {
        return new Locked(this, () -> {
            state = State.BROKEN;
            cond.notifyAllWaiters();
        });
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

    /** {@code wait()}, under the condition's lock: block while draining, arrive, wait to be released. */
    private static final class Arrive extends StepCoroutine<Integer> {
        private static final int LOCKED = 1;
        private static final int MAY_ENTER = 2;
        private static final int RELEASED = 3;

        private final Barrier b;
        private int index;

        Arrive(Barrier b) {
            this.b = b;
        }

        @Override
        Object step(int step, Object value, Throwable failure) {
            Barrier b = this.b;
            switch (step) {
                case 0:
                    return awaitThen(b.cond.acquire(), LOCKED);
                case LOCKED:
                    if (failure != null) {
                        throw Throwables.sneaky(failure);
                    }
                    // The previous round is still draining (or resetting): wait for the next one.
                    return awaitThen(b.cond.waitFor(() -> b.state != State.DRAINING && b.state != State.RESETTING), MAY_ENTER);
                case MAY_ENTER:
                    if (failure == null && b.state == State.BROKEN) {
                        failure = new BarrierBrokenException("Barrier aborted");
                    }
                    if (failure != null) {
                        b.cond.release();   // waitFor re-acquired the lock, even when cancelled
                        throw Throwables.sneaky(failure);
                    }
                    index = b.count++;
                    if (index + 1 == b.parties) {
                        b.state = State.DRAINING;   // the last arrival releases the others
                        b.cond.notifyAllWaiters();
                        return finish(null);
                    }
                    return awaitThen(b.cond.waitFor(() -> b.state != State.FILLING), RELEASED);
                default:
                    if (failure == null && (b.state == State.BROKEN || b.state == State.RESETTING)) {
                        failure = new BarrierBrokenException("Barrier aborted or reset while waiting");
                    }
                    return finish(failure);
            }
        }

        private Object finish(Throwable failure) {
            b.leave();
            b.cond.release();
            if (failure != null) {
                throw Throwables.sneaky(failure);
            }
            return index;
        }
    }

    /** Runs an action with the condition's lock held ({@code async with self._cond:}). */
    private static final class Locked extends StepCoroutine<Void> {
        private final Barrier b;
        private final Runnable action;

        Locked(Barrier b, Runnable action) {
            this.b = b;
            this.action = action;
        }

        @Override
        Object step(int step, Object value, Throwable failure) {
            if (step == 0) {
                return awaitThen(b.cond.acquire(), 1);
            }
            if (failure != null) {
                throw Throwables.sneaky(failure);
            }
            try {
                action.run();
            } finally {
                b.cond.release();
            }
            return null;
        }
    }
}
