package io.jasyncio;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * asyncio's Condition: lets tasks wait until another task notifies them, under a {@link Lock} (its own,
 * or one shared with other conditions). Python's {@code wait()}, {@code notify()} and
 * {@code notify_all()} are {@link #waitUntilNotified()}, {@link #notifyWaiters()} and
 * {@link #notifyAllWaiters()} here, as {@code Object} owns the shorter names.
 * <pre>{@code
 * try (var held = await(cond.acquire())) {
 *     await(cond.waitFor(() -> !items.isEmpty()));
 *     ...
 * }
 * }</pre>
 */
public final class Condition extends LoopBound {
    private final Lock lock;
    private final Waiters waiters = new Waiters();

    /** A condition with a lock of its own. */
    public Condition() {
        this(new Lock());
    }

    /** A condition over {@code lock}, which other conditions may share. */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "Condition(lock): lock is null");
    }

    /** Acquires the underlying lock; see {@link Lock#acquire()}. */
    public Awaitable<Acquired> acquire() {
        return lock.acquire();
    }

    /** Releases the underlying lock. */
    public void release() {
        lock.release();
    }

    public boolean isLocked() {
        return lock.isLocked();
    }

    /**
     * Python's {@code wait()}: releases the lock, waits for a notification, re-acquires the lock, and
     * completes with {@code true}. The lock is held again however it ends, cancellation included. If it
     * fails (cancelled, even after being notified), it passes a notification on to another waiter, so
     * none is lost: at worst a waiter wakes spuriously, which the condition-variable protocol allows.
     * Fails with IllegalStateException, when awaited, if the lock is not held.
     */
    public Coroutine<Boolean> waitUntilNotified() {
        return new WaitNotified(this);
    }

    /**
     * Python's {@code wait_for(predicate)}: waits until {@code predicate} is true, checking it first and
     * after each notification, with the lock held; completes with {@code true}.
     */
    public Coroutine<Boolean> waitFor(BooleanSupplier predicate) {
        return new WaitFor(this, Objects.requireNonNull(predicate, "Condition.waitFor: predicate is null"));
    }

    /** Python's {@code notify()}: wakes one waiter. Throws IllegalStateException if the lock is not held. */
    public void notifyWaiters() {
        notifyWaiters(1);
    }

    /** Python's {@code notify(n)}: wakes up to {@code n} waiters, oldest first. The lock must be held. */
    public void notifyWaiters(int n) {
        if (!lock.isLocked()) {
            throw new IllegalStateException("Condition.notifyWaiters(): cannot notify on un-acquired lock");
        }
        waiters.wakePending(n, Boolean.FALSE);
    }

    /** Python's {@code notify_all()}: wakes every waiter. The lock must be held. */
    public void notifyAllWaiters() {
        notifyWaiters(waiters.size());
    }

    @Override
    public String toString() {
        return "Condition[" + (lock.isLocked() ? "locked" : "unlocked") + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]";
    }

    /** {@code wait()}: release, wait for a notification, then re-acquire even when cancelled. */
    private static final class WaitNotified extends StepCoroutine<Boolean> {
        private static final int NOTIFIED = 1;
        private static final int REACQUIRED = 2;

        private final Condition cond;
        private Future<Object> waiter;
        /** What ended the wait for a notification (null: notified). */
        private Throwable waitFailure;
        /** The last cancellation that interrupted re-acquiring the lock. */
        private Throwable reacquireCancelled;

        WaitNotified(Condition cond) {
            this.cond = cond;
        }

        @Override
        Object step(int step, Object value, Throwable failure) {
            Condition c = cond;
            switch (step) {
                case 0:
                    if (!c.lock.isLocked()) {
                        throw new IllegalStateException("Condition.waitUntilNotified(): cannot wait on un-acquired lock");
                    }
                    c.lock.release();
                    waiter = c.waiters.add(c.bind(loop()));
                    return awaitThen(waiter, NOTIFIED);
                case NOTIFIED:
                    c.waiters.remove(waiter);
                    waiter = null;
                    waitFailure = failure;
                    return awaitThen(c.lock.acquire(), REACQUIRED);
                default:
                    if (failure instanceof CancellationException) {
                        // The lock must be held again on the way out: keep trying, remember the cancellation.
                        reacquireCancelled = failure;
                        return awaitThen(c.lock.acquire(), REACQUIRED);
                    }
                    Throwable t = failure != null ? failure : reacquireCancelled != null ? reacquireCancelled : waitFailure;
                    if (t != null) {
                        c.waiters.wakePending(1, Boolean.FALSE);   // we may have consumed a notification
                        throw Throwables.sneaky(t);
                    }
                    return Boolean.TRUE;
            }
        }
    }

    /** {@code wait_for(predicate)}: the predicate, then wait() until it holds. */
    private static final class WaitFor extends StepCoroutine<Boolean> {
        private final Condition cond;
        private final BooleanSupplier predicate;

        WaitFor(Condition cond, BooleanSupplier predicate) {
            this.cond = cond;
            this.predicate = predicate;
        }

        @Override
        Object step(int step, Object value, Throwable failure) {
            if (failure != null) {
                throw Throwables.sneaky(failure);
            }
            if (predicate.getAsBoolean()) {
                return Boolean.TRUE;
            }
            return awaitThen(new WaitNotified(cond), 1);
        }
    }
}
