package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

/**
 * asyncio's Event: a flag tasks can wait for. {@link #set()} wakes every waiter; waiting on a set
 * event returns at once. Python's {@code event.wait()} is {@link #waitUntilSet()} here, as
 * {@code Object.wait()} is taken.
 */
public final class Event extends LoopBound {
    private boolean value;
    private final Waiters waiters = new Waiters();

    public Event() {
    }

    /** Python's {@code is_set()}. */
    public boolean isSet() {
        return value;
    }

    /** Sets the flag and wakes every waiting task. */
    public void set() {
        if (!value) {
            value = true;
            waiters.wakeAllPending(Boolean.TRUE);
        }
    }

    /** Clears the flag; tasks waiting from now on block until the next {@link #set()}. */
    public void clear() {
        value = false;
    }

    /**
     * Waits until the flag is set (Python's {@code wait()}): await the result, which is {@code true}.
     * When the flag is already set the result is done at once. A waiter woken by {@code set()} returns
     * even if the flag was cleared again before it ran.
     */
    public Awaitable<Boolean> waitUntilSet() {
        if (value) {
            return doneNow(Boolean.TRUE);
        }
        return waitInLine();
    }

    @Override
    public String toString() {
        return "Event[" + (value ? "set" : "unset") + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]";
    }

    @Async
    private Coroutine<Boolean> waitInLine() {
        if (value) {
            return completed(Boolean.TRUE);
        }
        Future<Object> waiter = waiters.add(bind(Asyncio.getRunningLoop()));
        try {
            await(waiter);
            return completed(Boolean.TRUE);
        } finally {
            waiters.remove(waiter);
        }
    }
}
