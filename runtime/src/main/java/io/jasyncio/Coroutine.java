package io.jasyncio;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A coroutine object: what calling an {@code @Async} method returns, Python's coroutine. It runs
 * nothing until awaited (as a child of the awaiting task) or wrapped in a {@link Task}.
 *
 * <p>This class is also the base of the frames the weaver generates, and its static members are the
 * ABI that woven code calls (see docs/ABI.md); they are public for that reason, not for users.
 */
public abstract class Coroutine<T> implements Awaitable<T> {
    /** The marker a body returns when it suspended instead of completing. */
    public static final Object SUSPENDED = new Object() {
        @Override
        public String toString() {
            return "SUSPENDED";
        }
    };

    /** Inline child calls allowed on the Java stack before a child is handed to its task instead. */
    static final int MAX_INLINE_DEPTH = 128;

    /** The frame awaiting this one (null for a task's root frame and for a finished frame). */
    Coroutine<?> caller;
    /** The task running this frame; set when it starts, so a coroutine is awaited at most once. */
    Task<?> task;

    // Debug mode's creation site is kept by CoroutineTracker (keyed by identity), not in a field here:
    // the base frame is caller + task only.
    protected Coroutine() {
        if (CoroutineTracker.enabled) {
            CoroutineTracker.created(this);
        }
    }

    /** Python's {@code coro.close()} on a coroutine that will never run: not a "never awaited" mistake. */
    final void forgetUnawaited() {
        if (CoroutineTracker.enabled) {
            CoroutineTracker.started(this);
        }
    }

    /** Binds the coroutine to the task that runs it; a coroutine runs at most once. */
    final void bindTask(Task<?> t) {
        if (task != null) {
            throw new IllegalStateException("cannot reuse already awaited coroutine " + this);
        }
        task = t;
        if (CoroutineTracker.enabled) {
            CoroutineTracker.started(this);
        }
    }

    /**
     * Runs the body from its current resume point until it completes or suspends.
     *
     * @return the result value, or {@link #SUSPENDED}
     */
    protected abstract Object invokeBody();

    /** The task running this coroutine, or null if it has not started. */
    public final Task<?> task() {
        return task;
    }

    /** Whether the coroutine has been started (awaited or wrapped in a task). */
    public final boolean isStarted() {
        return task != null;
    }

    /** The frame awaiting this one, if it is suspended inside another coroutine. */
    public final Coroutine<?> caller() {
        return caller;
    }

    /** Where this frame is suspended, for debugging: overridden by generated frames. */
    public StackTraceElement suspendedAt() {
        return null;
    }

    @Override
    public String toString() {
        return "Coroutine[" + getClass().getName() + (task == null ? ", not started]" : "]");
    }

    // ---------------------------------------------------------------- ABI for woven code

    /**
     * An await site: the value at once if the awaitable is already done (or is a coroutine that finishes
     * without suspending); otherwise registers the frame's task for a wake-up and returns SUSPENDED.
     * Failures are thrown unwrapped.
     */
    public static Object awaitStart(Object awaitable, Coroutine<?> frame) {
        if (awaitable instanceof Future<?> f) {
            if (f.state == Future.FINISHED && f.failure == null) {
                return f.value;   // the fast path: no allocation, no loop trip
            }
            if (f.state != Future.PENDING) {
                return f.outcome();
            }
            return frame.task.suspendOn(f, frame);
        }
        if (awaitable instanceof Coroutine<?> child) {
            return startChild(child, frame);
        }
        if (awaitable instanceof FrameAwaitable<?> fa) {
            return fa.awaitFrom(frame);   // async generators' steps and emits
        }
        if (awaitable instanceof CompletionStage<?> stage) {
            return awaitStage(stage, frame);
        }
        if (awaitable == null) {
            throw new NullPointerException("await(null): the awaited value is null");
        }
        throw new IllegalArgumentException("cannot await " + awaitable.getClass().getName()
                + ": expected a Coroutine, Future, Task or CompletionStage");
    }

    /** At a resume point: the value delivered to the suspended await, or its failure, thrown. */
    public static Object resumeValue(Coroutine<?> frame) {
        return frame.task.takeResume(frame);
    }

    /**
     * "async with" whose asynchronous close failed while the body was already failing: as in Python,
     * the close's exception replaces the body's, which it carries as suppressed (javac's
     * try-with-resources would keep the body's and suppress the close's). Woven code calls this in place
     * of {@code addSuppressed} on the exceptional path of a try-with-resources over an AsyncCloseable.
     */
    public static void closeFailed(Throwable bodyFailure, Throwable closeFailure) {
        if (closeFailure != bodyFailure && !mentions(closeFailure, bodyFailure)) {
            closeFailure.addSuppressed(bodyFailure);
        }
        throw Throwables.sneaky(closeFailure);
    }

    private static boolean mentions(Throwable outer, Throwable t) {
        for (Throwable s : outer.getSuppressed()) {
            if (s == t) {
                return true;
            }
        }
        for (Throwable c = outer.getCause(); c != null && c != outer; c = c.getCause()) {
            if (c == t) {
                return true;
            }
        }
        return false;
    }

    /** A coroutine already holding its result. */
    public static <T> Coroutine<T> ofResult(Object value) {
        return new Completed<>(value);
    }

    private static Object startChild(Coroutine<?> child, Coroutine<?> frame) {
        Task<?> task = frame.task;
        child.bindTask(task);
        child.caller = frame;
        if (task.inlineDepth >= MAX_INLINE_DEPTH) {
            return task.handOff(child);   // trampoline: the task starts it once this stack unwinds
        }
        task.inlineDepth++;
        Object r;
        try {
            r = child.invokeBody();
        } catch (Throwable t) {
            child.caller = null;
            throw t;
        } finally {
            task.inlineDepth--;
        }
        if (r != SUSPENDED) {
            child.caller = null;
        }
        return r;
    }

    private static Object awaitStage(CompletionStage<?> stage, Coroutine<?> frame) {
        if (stage instanceof CompletableFuture<?> cf && cf.isDone()) {
            try {
                return cf.join();
            } catch (CompletionException e) {
                throw Throwables.sneaky(e.getCause() != null ? e.getCause() : e);
            }
        }
        Future<?> f = frame.task.loop.wrapStage(stage);
        return frame.task.suspendOn(f, frame);
    }

    /** The coroutine {@code ofResult} returns. */
    private static final class Completed<T> extends Coroutine<T> {
        private final Object value;

        Completed(Object value) {
            this.value = value;
        }

        @Override
        protected Object invokeBody() {
            return value;
        }
    }
}
