package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

import java.util.concurrent.CancellationException;

/**
 * asyncio's Lock: a mutual-exclusion lock for tasks of one loop, not for threads. Waiters get it in
 * FIFO order, and a released lock goes to the first waiter even if another task calls {@link #acquire()}
 * before that waiter runs (no queue-jumping). Use it with try-with-resources (Python's
 * {@code async with lock:}):
 * <pre>{@code
 * try (var held = await(lock.acquire())) {
 *     ...
 * }
 * }</pre>
 * or explicitly: {@code await(lock.acquire()); try { ... } finally { lock.release(); }}.
 */
public final class Lock extends LoopBound {
    private static final Boolean WOKEN = Boolean.TRUE;

    private boolean locked;
    private final Waiters waiters = new Waiters();
    private final Acquired held = this::release;

    public Lock() {
    }

    /** Whether the lock is held (Python's {@code locked()}). */
    public boolean isLocked() {
        return locked;
    }

    /**
     * Acquires the lock: await the result. A free lock with nobody in line is taken at once, by this
     * call, and the result is already done (nothing allocated, no suspension); otherwise the task waits
     * in line when it awaits. The value is an {@link Acquired} whose {@code close()} releases the lock.
     * If the waiting task is cancelled the lock is not taken, and the turn passes to the next waiter.
     */
    public Awaitable<Acquired> acquire() {
        if (isFree()) {
            locked = true;
            return doneNow(held);
        }
        return acquireInLine();
    }

    /** Releases the lock, handing it to the first waiter; throws IllegalStateException if not held. */
    public void release() {
        if (!locked) {
            throw new IllegalStateException("Lock.release(): the lock is not acquired");
        }
        locked = false;
        wakeUpFirst();
    }

    /** Free for a newcomer: unlocked, and nobody waiting ahead (a woken waiter owns the next turn). */
    private boolean isFree() {
        return !locked && !waiters.anyNotCancelled();
    }

    /** Makes sure the head waiter will run and take the lock (CPython's {@code _wake_up_first}). */
    private void wakeUpFirst() {
        Future<Object> first = waiters.first();
        if (first != null && !first.isDone()) {
            first.setResult(WOKEN);
        }
    }

    @Override
    public String toString() {
        return "Lock[" + (locked ? "locked" : "unlocked") + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]";
    }

    /** A contended acquire: waits in line for its turn (CPython's {@code acquire} after its fast path). */
    @Async
    private Coroutine<Acquired> acquireInLine() {
        if (isFree()) {
            locked = true;
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
            // Cancelled, perhaps after release() had woken us: the turn must not be lost.
            if (!locked) {
                wakeUpFirst();
            }
            throw e;
        }
        locked = true;
        return completed(held);
    }
}
