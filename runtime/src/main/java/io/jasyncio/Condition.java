package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

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
        return waitNotified();
    }

    /**
     * Python's {@code wait_for(predicate)}: waits until {@code predicate} is true, checking it first and
     * after each notification, with the lock held; completes with {@code true}.
     */
    public Coroutine<Boolean> waitFor(BooleanSupplier predicate) {
        return waitUntil(Objects.requireNonNull(predicate, "Condition.waitFor: predicate is null"));
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

    @Async
    private Coroutine<Boolean> waitNotified() {
        if (!lock.isLocked()) {
            throw new IllegalStateException("Condition.waitUntilNotified(): cannot wait on un-acquired lock");
        }
        lock.release();
        try {
            try {
                Future<Object> waiter = waiters.add(bind(Asyncio.getRunningLoop()));
                try {
                    await(waiter);
                } finally {
                    waiters.remove(waiter);
                }
            } finally {
                // The lock must be held again on the way out, even when cancelled: keep trying, and
                // raise the last cancellation once it is ours.
                CancellationException cancelled = null;
                for (;;) {
                    try {
                        await(lock.acquire());
                        break;
                    } catch (CancellationException e) {
                        cancelled = e;
                    }
                }
                if (cancelled != null) {
                    throw cancelled;
                }
            }
        } catch (Throwable t) {
            // We may have consumed a notification we will not act on: pass one on (at worst a spurious wake-up).
            waiters.wakePending(1, Boolean.FALSE);
            throw t;
        }
        return completed(Boolean.TRUE);
    }

    @Async
    private Coroutine<Boolean> waitUntil(BooleanSupplier predicate) {
        while (!predicate.getAsBoolean()) {
            await(waitNotified());
        }
        return completed(Boolean.TRUE);
    }
}
