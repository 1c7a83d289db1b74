package io.jasyncio;

import java.util.concurrent.CancellationException;

/**
 * asyncio's Semaphore: a counter of permits, decremented by {@link #acquire()} and incremented by
 * {@link #release()}; acquiring at zero waits. Waiters are served in FIFO order: while anyone is in
 * line a newcomer queues too, even if permits are free. {@code release()} never blocks and may raise
 * the count above its initial value (use {@link BoundedSemaphore} to forbid that). Used like
 * {@link Lock}: {@code try (var held = await(sem.acquire())) { ... }}.
 */
public class Semaphore extends LoopBound {
    private static final Boolean WOKEN = Boolean.TRUE;

    /** The permits left; a woken waiter's permit is taken from it when it is woken. */
    int value;
    private final Waiters waiters = new Waiters();
    private final Acquired held = this::release;

    /** A semaphore with one permit. */
    public Semaphore() {
        this(1);
    }

    /** A semaphore with {@code value} permits; throws IllegalArgumentException if negative. */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "(" + value + "): the initial value must be >= 0");
        }
        this.value = value;
    }

    /** Whether an acquire now would wait: no permit left, or someone already in line (Python's {@code locked()}). */
    public boolean isLocked() {
        return value == 0 || waiters.anyNotCancelled();
    }

    /**
     * Takes a permit: await the result. When one is free and nobody is in line it is taken at once, by
     * this call (nothing allocated, no suspension); otherwise the task waits in line when it awaits. The
     * value is an {@link Acquired} whose {@code close()} releases the permit. A cancelled waiter takes
     * no permit, and passes on one it had been given.
     */
    public Awaitable<Acquired> acquire() {
        if (!isLocked()) {
            value--;
            return doneNow(held);
        }
        return new Acquire(this);
    }

    /** Returns a permit, waking the first waiter. */
    public void release() {
        value++;
        wakeUpNext();
    }

    /** Hands a permit to the first waiter not yet woken; false if there is none. */
    private boolean wakeUpNext() {
        if (value > 0 && waiters.wakeFirstPending(WOKEN)) {
            value--;
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (isLocked() ? "locked" : "unlocked, value:" + value)
                + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]";
    }

    /** A contended acquire: waits in line for a permit. */
    private static final class Acquire extends StepCoroutine<Acquired> {
        private final Semaphore sem;
        private Future<Object> waiter;

        Acquire(Semaphore sem) {
            this.sem = sem;
        }

        @Override
        Object step(int step, Object value, Throwable failure) {
            Semaphore s = sem;
            if (step == 0) {
                if (!s.isLocked()) {
                    s.value--;
                    return s.held;
                }
                waiter = s.waiters.add(s.bind(loop()));
                return awaitThen(waiter, 1);
            }
            Future<Object> w = waiter;
            waiter = null;
            s.waiters.remove(w);
            if (failure instanceof CancellationException && w.isDone() && !w.isCancelled()) {
                s.value++;   // woken with a permit, but cancelled before running: give it back
            }
            // Newcomers may have queued behind us while permits were free: let as many in as allowed.
            while (s.wakeUpNext()) {
                // each call hands one permit on
            }
            if (failure != null) {
                throw Throwables.sneaky(failure);
            }
            return s.held;
        }
    }
}
