package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

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
        return acquireInLine();
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

    /** A contended acquire: waits in line for a permit (CPython's {@code acquire} after its fast path). */
    @Async
    private Coroutine<Acquired> acquireInLine() {
        if (!isLocked()) {
            value--;
            return completed(held);
        }
        Future<Object> waiter = waiters.add(bind(Asyncio.getRunningLoop()));
        try {
            try {
                await(waiter);
            } finally {
                waiters.remove(waiter);
            }
        } catch (CancellationException e) {
            if (waiter.isDone() && !waiter.isCancelled()) {
                value++;   // woken with a permit, but cancelled before running: give it back
            }
            throw e;
        } finally {
            // Newcomers may have queued behind us while permits were free: let as many in as allowed.
            while (wakeUpNext()) {
                // each call hands one permit on
            }
        }
        return completed(held);
    }
}
