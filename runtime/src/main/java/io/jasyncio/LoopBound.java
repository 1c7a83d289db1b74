package io.jasyncio;

/**
 * Base of the synchronisation primitives and queues (CPython's {@code _LoopBoundMixin}): a primitive
 * may be created anywhere, binds to the loop of the first task that has to wait on it, and refuses
 * waiters from any other loop. It also keeps the one done future its fast paths hand out, so an
 * uncontended operation allocates nothing.
 */
abstract class LoopBound {
    private EventLoop loop;
    private Future<?> doneNow;

    /** The loop waiters of this primitive belong to; binds it on first use. */
    final EventLoop bind(EventLoop running) {
        EventLoop l = loop;
        if (l == null) {
            loop = running;
            return running;
        }
        if (l != running) {
            throw new IllegalStateException(this + " is bound to a different event loop");
        }
        return l;
    }

    /**
     * A done future holding {@code value}, made once per primitive (each primitive's fast path always
     * yields the same value). Awaiting a done future takes the value inline, with no suspension.
     */
    @SuppressWarnings("unchecked")
    final <T> Future<T> doneNow(T value) {
        Future<?> f = doneNow;
        if (f == null) {
            EventLoop l = loop != null ? loop : EventLoop.runningOrNull();
            Future<T> made = new Future<>(l);
            made.setResult(value);
            if (l == null) {
                return made;   // used before any loop runs: don't keep a future that belongs to none
            }
            doneNow = f = made;
        }
        return (Future<T>) f;
    }
}
