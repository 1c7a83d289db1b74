package io.jasyncio;

/**
 * Base of the runtime's hand-written coroutines (locks, queues): a small state machine whose
 * {@link #step} either finishes (returns the result or throws) or asks to await something and continue
 * at another step with its outcome. Awaits that complete at once continue inline, without a loop trip;
 * the rest suspend the calling task exactly as a woven await would.
 */
abstract class StepCoroutine<T> extends Coroutine<T> {
    private static final Object AWAIT = new Object();

    private int next;
    /** What the last step asked to await; non-null while suspended on it. */
    private Object awaiting;

    @Override
    protected final Object invokeBody() {
        Object value = null;
        Throwable failure = null;
        if (awaiting != null) {
            awaiting = null;
            try {
                value = resumeValue(this);
            } catch (Throwable t) {
                failure = t;
            }
        }
        for (;;) {
            Object r = step(next, value, failure);
            if (r != AWAIT) {
                return r;
            }
            try {
                value = awaitStart(awaiting, this);
                failure = null;
            } catch (Throwable t) {
                value = null;
                failure = t;
            }
            if (value == SUSPENDED) {
                return SUSPENDED;
            }
            awaiting = null;
        }
    }

    /**
     * Runs step {@code step} (0 first) given the outcome of the previous await: its value, or the
     * failure it threw (null when it succeeded). Returns the coroutine's result, throws its failure, or
     * returns {@link #awaitThen}.
     */
    abstract Object step(int step, Object value, Throwable failure);

    /** Awaits {@code awaitable}, then runs step {@code nextStep} with its outcome. */
    final Object awaitThen(Object awaitable, int nextStep) {
        awaiting = awaitable;
        next = nextStep;
        return AWAIT;
    }

    /** The loop of the task running this coroutine. */
    final EventLoop loop() {
        return task.loop;
    }
}
