package io.jasyncio;

import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * asyncio's Future: a result that will exist later, bound to one event loop and not thread-safe
 * (complete it from other threads through {@link EventLoop#callSoonThreadsafe}). Done-callbacks are
 * always scheduled through the loop, never called inline.
 */
public class Future<T> implements Awaitable<T> {
    static final byte PENDING = 0;
    static final byte FINISHED = 1;
    static final byte CANCELLED = 2;

    final EventLoop loop;
    byte state;
    /** The result; for a failed future, null (see {@link #failure}). */
    Object value;
    /** The failure, or for a cancelled future its CancellationException (made lazily). */
    Throwable failure;
    /** Done-callbacks: null, one Runnable, or an ArrayList of them (a Task is its own callback). */
    private Object callbacks;
    /** The rarely-set fields, allocated the first time one is set (never on the await/step/cancel() paths). */
    private Extras extras;

    /** Fields most futures and tasks never set, kept out of line to keep every future small. */
    static final class Extras {
        /** The message given to cancel(msg), if any. */
        String cancelMessage;
        /** Set while a failure nobody has looked at yet is watched for the "never retrieved" report. */
        UnretrievedFailures.Watch watch;
        /** Task only: the last failure whose async stack the task appended (so once, not per frame). */
        Throwable tracedFailure;
    }

    final Extras extras() {
        Extras e = extras;
        if (e == null) {
            e = extras = new Extras();
        }
        return e;
    }

    /** The message given to cancel(msg), or null. */
    final String cancelMessage() {
        Extras e = extras;
        return e == null ? null : e.cancelMessage;
    }

    final void setCancelMessage(String msg) {
        Extras e = extras;
        if (e != null) {
            e.cancelMessage = msg;
        } else if (msg != null) {
            extras().cancelMessage = msg;
        }
    }

    /** A pending future on the running loop. */
    public Future() {
        this(EventLoop.running("Future()"));
    }

    public Future(EventLoop loop) {
        this.loop = loop;
    }

    public final EventLoop getLoop() {
        return loop;
    }

    public final boolean isDone() {
        return state != PENDING;
    }

    public final boolean isCancelled() {
        return state == CANCELLED;
    }

    /**
     * The result; throws the failure (unwrapped), the CancellationException, or
     * {@link InvalidStateException} when not done.
     */
    @SuppressWarnings("unchecked")
    public T result() {
        if (state == FINISHED && failure == null) {
            return (T) value;
        }
        return (T) outcome();
    }

    /** The failure, or null when the future succeeded; throws when cancelled or not done. */
    public Throwable exception() {
        if (state == PENDING) {
            throw new InvalidStateException("Exception is not set.");
        }
        if (state == CANCELLED) {
            throw Throwables.sneaky(cancellationException());
        }
        markRetrieved();
        return failure;
    }

    public void setResult(T result) {
        if (state != PENDING) {
            throw new InvalidStateException("invalid state: " + stateName());
        }
        value = result;
        state = FINISHED;
        scheduleCallbacks();
    }

    public void setException(Throwable exception) {
        if (state != PENDING) {
            throw new InvalidStateException("invalid state: " + stateName());
        }
        if (exception == null) {
            throw new NullPointerException("exception");
        }
        if (exception instanceof CancellationException) {
            // A cancellation is a state, not a failure: that is what cancel() is for.
            throw new IllegalArgumentException("CancellationException cannot be set as a future's exception; call cancel()");
        }
        setFailure(exception);
    }

    /**
     * Completes with a failure, a CancellationException included: gather fails that way when a child
     * is cancelled (the gathering future itself is not cancelled, as in CPython).
     */
    final void setFailure(Throwable exception) {
        failure = exception;
        state = FINISHED;
        loop.failureSet(this);
        scheduleCallbacks();
    }

    /** Cancels the future and schedules its callbacks; false if it was already done. */
    public boolean cancel() {
        return cancel(null);
    }

    public boolean cancel(String msg) {
        if (state != PENDING) {
            return false;
        }
        state = CANCELLED;
        setCancelMessage(msg);
        scheduleCallbacks();
        return true;
    }

    /** Adds a callback called with this future once it is done, always through the loop. */
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        Runnable r = new DoneCallback<>(this, callback);
        if (state != PENDING) {
            loop.enqueue(r);
        } else {
            addCallback(r);
        }
    }

    /** Removes every registration of the callback; returns how many were removed. */
    @SuppressWarnings("unchecked")
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        Object cbs = callbacks;
        if (cbs == null) {
            return 0;
        }
        if (cbs instanceof ArrayList<?> list) {
            int before = list.size();
            list.removeIf(r -> r instanceof DoneCallback<?> d && d.callback == callback);
            return before - list.size();
        }
        if (cbs instanceof DoneCallback<?> d && d.callback == callback) {
            callbacks = null;
            return 1;
        }
        return 0;
    }

    /**
     * A CompletableFuture completed (on the loop thread) when this future is done; cancelling it
     * (from any thread) cancels this future, as CPython's wrap_future chaining does.
     */
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> cf = new CompletableFuture<>();
        chain(this, cf);
        return cf;
    }

    /** Mirrors {@code source} into {@code dest}, and a cancellation of {@code dest} back into {@code source}. */
    static <T> void chain(Future<T> source, CompletableFuture<T> dest) {
        source.addCallback(() -> {
            if (source.isCancelled()) {
                dest.cancel(false);
            } else if (source.failure != null) {
                source.markRetrieved();
                dest.completeExceptionally(source.failure);
            } else {
                @SuppressWarnings("unchecked") T v = (T) source.value;
                dest.complete(v);
            }
        });
        dest.whenComplete((v, e) -> {
            if (dest.isCancelled() && !source.isDone()) {
                EventLoop loop = source.loop;
                if (!loop.isClosed()) {
                    loop.callSoonThreadsafe(source::cancel);
                }
            }
        });
    }

    // ---- internals shared with Task and the await machinery ----

    /** The value of a done future, or throws its failure / cancellation (marks it retrieved). */
    final Object outcome() {
        switch (state) {
            case FINISHED:
                if (failure != null) {
                    markRetrieved();
                    throw Throwables.sneaky(failure);
                }
                return value;
            case CANCELLED:
                throw Throwables.sneaky(cancellationException());
            default:
                throw new InvalidStateException("Result is not set.");
        }
    }

    /** Someone looked at the failure: it will not be reported as never retrieved. */
    final void markRetrieved() {
        Extras e = extras;
        UnretrievedFailures.Watch w;
        if (e != null && (w = e.watch) != null) {
            e.watch = null;
            w.retrieved();
        }
    }

    /** The exception a cancelled future raises; tasks keep the one their coroutine raised. */
    CancellationException cancellationException() {
        if (failure instanceof CancellationException ce) {
            return ce;
        }
        String msg = cancelMessage();
        CancellationException ce = msg == null ? new CancellationException() : new CancellationException(msg);
        failure = ce;
        return ce;
    }

    /** Registers an internal callback, run through the loop once done. */
    final void addCallback(Runnable r) {
        Object cbs = callbacks;
        if (cbs == null) {
            callbacks = r;
        } else if (cbs instanceof ArrayList<?>) {
            @SuppressWarnings("unchecked") ArrayList<Runnable> list = (ArrayList<Runnable>) cbs;
            list.add(r);
        } else {
            ArrayList<Runnable> list = new ArrayList<>(4);
            list.add((Runnable) cbs);
            list.add(r);
            callbacks = list;
        }
    }

    /** Removes an internal callback (first registration only). */
    final void removeCallback(Runnable r) {
        Object cbs = callbacks;
        if (cbs == r) {
            callbacks = null;
        } else if (cbs instanceof ArrayList<?> list) {
            list.remove(r);
        }
    }

    private void scheduleCallbacks() {
        Object cbs = callbacks;
        if (cbs == null) {
            return;
        }
        callbacks = null;
        if (cbs instanceof ArrayList<?> list) {
            for (Object r : list) {
                loop.enqueue((Runnable) r);
            }
        } else {
            loop.enqueue((Runnable) cbs);
        }
    }

    final String stateName() {
        return switch (state) {
            case PENDING -> "PENDING";
            case CANCELLED -> "CANCELLED";
            default -> "FINISHED";
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('[').append(stateName().toLowerCase());
        if (state == FINISHED) {
            sb.append(failure != null ? " exception=" + failure : " result=" + value);
        }
        return sb.append(']').toString();
    }

    /** A user's done-callback, bound to its future so it can be scheduled as a plain Runnable. */
    private static final class DoneCallback<T> implements Runnable {
        final Future<T> future;
        final Consumer<? super Future<T>> callback;

        DoneCallback(Future<T> future, Consumer<? super Future<T>> callback) {
            this.future = future;
            this.callback = callback;
        }

        @Override
        public void run() {
            callback.accept(future);
        }

        @Override
        public String toString() {
            return "done-callback " + callback + " of " + future;
        }
    }
}
