package io.jasyncio;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The FIFO of futures that tasks blocked on a primitive are suspended on (CPython's {@code _waiters},
 * {@code _getters}, {@code _putters}). A woken waiter's future is done but not cancelled; a waiter whose
 * task was cancelled has a cancelled future. Lock, Semaphore, Event and Condition waiters remove their
 * own future when they resume (the head is normally the oldest live waiter); queues pop a waiter as
 * they wake it.
 */
final class Waiters {
    private static final ArrayDeque<Future<Object>> NONE = new ArrayDeque<>(0);

    /** Made on first contention: most primitives never have a waiter. */
    private ArrayDeque<Future<Object>> queue = NONE;

    /** Appends a new waiter future on the loop. */
    Future<Object> add(EventLoop loop) {
        Future<Object> f = new Future<>(loop);
        if (queue == NONE) {
            queue = new ArrayDeque<>(8);
        }
        queue.add(f);
        return f;
    }

    /** Removes the waiter if it is still queued (someone may have popped it already). */
    void remove(Future<?> f) {
        if (!queue.isEmpty()) {
            queue.removeFirstOccurrence(f);
        }
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int size() {
        return queue.size();
    }

    /** The oldest waiter, or null. */
    Future<Object> first() {
        return queue.peekFirst();
    }

    /** Whether some waiter is still in line, pending or woken (i.e. not cancelled). */
    boolean anyNotCancelled() {
        if (queue.isEmpty()) {
            return false;
        }
        for (Future<Object> f : queue) {
            if (!f.isCancelled()) {
                return true;
            }
        }
        return false;
    }

    /** Wakes the oldest waiter that is neither woken nor cancelled, leaving it queued; false if none. */
    boolean wakeFirstPending(Object value) {
        if (queue.isEmpty()) {
            return false;
        }
        for (Future<Object> f : queue) {
            if (!f.isDone()) {
                f.setResult(value);
                return true;
            }
        }
        return false;
    }

    /** Wakes up to {@code n} pending waiters in order, leaving them queued. */
    void wakePending(int n, Object value) {
        if (queue.isEmpty()) {
            return;
        }
        int woken = 0;
        for (Iterator<Future<Object>> it = queue.iterator(); woken < n && it.hasNext(); ) {
            Future<Object> f = it.next();
            if (!f.isDone()) {
                f.setResult(value);
                woken++;
            }
        }
    }

    /** Wakes every pending waiter, leaving them queued. */
    void wakeAllPending(Object value) {
        wakePending(Integer.MAX_VALUE, value);
    }

    /** Pops waiters until one is pending and wakes it (CPython's queue {@code _wakeup_next}). */
    void popAndWakeNext() {
        for (Future<Object> f; (f = queue.pollFirst()) != null; ) {
            if (!f.isDone()) {
                f.setResult(null);
                return;
            }
        }
    }

    /** Pops every waiter, waking the pending ones. */
    void popAndWakeAll() {
        for (Future<Object> f; (f = queue.pollFirst()) != null; ) {
            if (!f.isDone()) {
                f.setResult(null);
            }
        }
    }
}
