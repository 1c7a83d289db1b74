package io.jasyncio;

import java.util.concurrent.CancellationException;

/**
 * Python's {@code asyncio.timeout()} / {@code timeout_at()} scope, as a coroutine wrapping its body:
 * {@code await(timeout(5.0, fetch()))}. The body runs in the awaiting task; when the deadline passes
 * the task is cancelled, and the cancellation leaving the body becomes an {@link AsyncTimeoutException}
 * unless someone else also asked for the cancellation (CPython 3.12's uncancel bookkeeping).
 *
 * <p>A scope rather than a try-with-resources resource: javac's try-with-resources rethrows the body's
 * exception after close, so a close cannot turn the body's CancellationException into a timeout.
 */
public final class Timeout<T> extends Coroutine<T> {
    private enum State { CREATED, ENTERED, EXPIRING, EXPIRED, EXITED }

    private final Awaitable<T> body;
    /** The deadline in loop time; relative until entered when {@link #relative}. Infinite: none. */
    private double when;
    private boolean relative;
    private State state = State.CREATED;
    private Handle handle;
    private int cancellingAtEntry;

    Timeout(Awaitable<T> body, double when, boolean relative) {
        if (body == null) {
            throw new NullPointerException("timeout: the body is null");
        }
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("timeout: the deadline is NaN");
        }
        this.body = body;
        this.when = when;
        this.relative = relative;
    }

    /** The deadline in loop time (infinite: none); relative seconds before the scope is entered. */
    public double when() {
        return when;
    }

    /** Moves the deadline (loop time; {@code Double.POSITIVE_INFINITY} removes it). Only inside the scope. */
    public void reschedule(double when) {
        if (state != State.ENTERED) {
            throw new IllegalStateException("Timeout.reschedule: the timeout is " + state.name().toLowerCase()
                    + "; it can only be rescheduled while its body runs");
        }
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("Timeout.reschedule: the deadline is NaN");
        }
        this.when = when;
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
        if (when != Double.POSITIVE_INFINITY) {
            EventLoop loop = task.loop;
            handle = when <= loop.time() ? loop.callSoon(this::onTimeout) : loop.callAt(when, this::onTimeout);
        }
    }

    /** Whether the deadline passed and the scope cancelled its task. */
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    @Override
    protected Object invokeBody() {
        Object r;
        if (state == State.CREATED) {
            state = State.ENTERED;
            cancellingAtEntry = task.cancelling();
            if (relative) {
                relative = false;
                when = task.loop.time() + when;
            }
            reschedule(when);
            try {
                r = awaitStart(body, this);
            } catch (Throwable t) {
                return exit(null, t);
            }
            if (r == SUSPENDED) {
                return SUSPENDED;
            }
        } else {
            try {
                r = resumeValue(this);
            } catch (Throwable t) {
                return exit(null, t);
            }
        }
        return exit(r, null);
    }

    private Object exit(Object value, Throwable failure) {
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            if (task.uncancel() <= cancellingAtEntry && failure instanceof CancellationException) {
                // Nobody else asked for the cancellation: it was ours, and means the deadline passed.
                throw new AsyncTimeoutException("timed out after the deadline " + when, failure);
            }
        } else if (state == State.ENTERED) {
            state = State.EXITED;
        }
        if (failure != null) {
            throw Throwables.sneaky(failure);
        }
        return value;
    }

    private void onTimeout() {
        handle = null;
        state = State.EXPIRING;
        task.cancel();
    }

    @Override
    public String toString() {
        return "Timeout[when=" + when + " " + state.name().toLowerCase() + "]";
    }
}
