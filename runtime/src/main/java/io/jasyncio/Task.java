package io.jasyncio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * asyncio's Task: a future that drives a coroutine on its loop. It is the only thing the loop
 * schedules: a wake-up runs the innermost suspended frame, and when a frame completes its value
 * passes to the frame that awaited it, iteratively, up to the root coroutine.
 */
public class Task<T> extends Future<T> implements Runnable {
    private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong();

    private final Coroutine<T> coro;
    private String name;
    /** The innermost frame: the one to run on the next step. */
    Coroutine<?> current;
    /** The future this task is suspended on, if any (Python's _fut_waiter). */
    Future<?> waitingOn;
    /** A child frame waiting to be started by the step loop (trampoline for deep await chains). */
    private Coroutine<?> handOff;
    /** Inline child calls on the Java stack right now. */
    int inlineDepth;
    /** The value or failure delivered to the frame being resumed. */
    private Object resumeValue;
    private Throwable resumeFailure;
    private boolean started;
    private boolean mustCancel;
    private int cancelRequests;
    // Intrusive links in the loop's list of pending tasks (strong: a pending task never vanishes).
    Task<?> prevLive;
    Task<?> nextLive;

    /** Wraps the coroutine and schedules its first step on the loop. */
    public Task(Coroutine<T> coro, EventLoop loop) {
        this(coro, loop, null, false);
    }

    public Task(Coroutine<T> coro, EventLoop loop, String name) {
        this(coro, loop, name, false);
    }

    /**
     * With {@code eagerStart} (Python 3.12's eager tasks) and the loop running on this thread, the
     * coroutine runs at once, inside this constructor, up to its first suspension; a coroutine that
     * never suspends leaves the task already done and never touches the ready queue.
     */
    public Task(Coroutine<T> coro, EventLoop loop, String name, boolean eagerStart) {
        super(loop);
        if (coro == null) {
            throw new NullPointerException("Task: coro is null");
        }
        coro.bindTask(this);
        this.coro = coro;
        this.name = name;
        current = coro;
        loop.taskStarted(this);
        if (JfrEvents.active) {
            JfrEvents.created(this);
        }
        if (eagerStart && loop.isRunningInThisThread()) {
            run();
        } else {
            loop.enqueue(this);
        }
    }

    public String getName() {
        String n = name;
        if (n == null) {
            n = name = "Task-" + COUNTER.incrementAndGet();
        }
        return n;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Coroutine<T> getCoro() {
        return coro;
    }

    /** The number of cancellation requests not yet withdrawn by {@link #uncancel()}. */
    public int cancelling() {
        return cancelRequests;
    }

    /** Withdraws one cancellation request; returns how many remain. */
    public int uncancel() {
        if (cancelRequests > 0) {
            cancelRequests--;
            if (cancelRequests == 0) {
                mustCancel = false;
            }
        }
        return cancelRequests;
    }

    /**
     * Requests cancellation: the coroutine gets a CancellationException at its suspended await (or at
     * its next step). Returns false if the task is already done.
     */
    @Override
    public boolean cancel(String msg) {
        if (isDone()) {
            return false;
        }
        cancelRequests++;
        Future<?> waiter = waitingOn;
        if (waiter != null && waiter.cancel(msg)) {
            return true;
        }
        mustCancel = true;
        setCancelMessage(msg);
        return true;
    }

    /** Not allowed: a task's result is what its coroutine returns. */
    @Override
    public void setResult(T result) {
        throw new UnsupportedOperationException("Task does not support setResult: its coroutine's return value is the result");
    }

    /** Not allowed: a task fails when its coroutine throws. */
    @Override
    public void setException(Throwable exception) {
        throw new UnsupportedOperationException("Task does not support setException: it fails when its coroutine throws");
    }

    /** The await chain, innermost first: the coroutine frames this task is suspended in. */
    public List<Coroutine<?>> awaitChain() {
        List<Coroutine<?>> chain = new ArrayList<>();
        if (!isDone()) {
            for (Coroutine<?> f = current; f != null; f = f.caller) {
                chain.add(f);
            }
        }
        return chain;
    }

    /**
     * Python's {@code Task.get_stack()}: where each frame of this task is suspended, innermost first
     * (owner, method, file:line of the await); empty when the task is done or not started yet.
     */
    public List<StackTraceElement> getStack() {
        if (isDone()) {
            return List.of();
        }
        return AsyncStackTraces.chain(current);
    }

    /** Python's {@code Task.print_stack()} to standard error. */
    public void printStack() {
        printStack(System.err);
    }

    /** Python's {@code Task.print_stack(file=)}: the task, then its suspended frames innermost first. */
    public void printStack(java.io.PrintStream out) {
        List<StackTraceElement> stack = getStack();
        StringBuilder sb = new StringBuilder();
        sb.append(stack.isEmpty() ? "No stack for " : "Stack for ").append(this).append(" (innermost first):").append(System.lineSeparator());
        for (StackTraceElement e : stack) {
            sb.append("\tat ").append(e).append(System.lineSeparator());
        }
        out.print(sb);
        out.flush();
    }

    @Override
    public String toString() {
        return "Task[" + getName() + " " + stateName().toLowerCase() + (isDone() ? "" : " coro=" + coro.getClass().getName()) + "]";
    }

    // ---------------------------------------------------------------- the step

    /** One step, run by the loop from its ready queue. */
    @Override
    public final void run() {
        if (isDone()) {
            return;
        }
        Future<?> w = waitingOn;
        if (w != null) {
            waitingOn = null;
            deliver(w);
        }
        if (mustCancel) {
            mustCancel = false;
            resumeValue = null;
            String msg = cancelMessage();
            resumeFailure = msg == null ? new CancellationException() : new CancellationException(msg);
        }
        if (!started) {
            started = true;
            if (resumeFailure != null) {   // cancelled before it ever ran: the body never starts
                Throwable t = resumeFailure;
                resumeFailure = null;
                finish(null, t);
                return;
            }
        }
        Object step = JfrEvents.active ? JfrEvents.resumed(this) : null;
        Task<?> previous = loop.enterTask(this);
        try {
            drive(current);
        } finally {
            loop.leaveTask(previous);
            if (JfrEvents.active) {
                JfrEvents.stepEnded(this, step);
            }
        }
    }

    private void drive(Coroutine<?> frame) {
        for (;;) {
            Object r;
            Throwable failure = null;
            inlineDepth = 0;
            try {
                r = frame.invokeBody();
            } catch (Throwable t) {
                r = null;
                failure = t;
            }
            if (failure == null && r == Coroutine.SUSPENDED) {
                Coroutine<?> next = handOff;
                if (next == null) {
                    return;   // awaitStart recorded the innermost frame and arranged the wake-up
                }
                handOff = null;
                frame = next;
                continue;
            }
            Coroutine<?> parent = frame.caller;
            frame.caller = null;
            if (parent == null) {
                finish(r, failure);
                return;
            }
            resumeValue = r;
            resumeFailure = failure;
            frame = parent;
        }
    }

    @SuppressWarnings("unchecked")
    private void finish(Object r, Throwable failure) {
        current = null;
        loop.taskFinished(this);
        if (JfrEvents.active) {
            JfrEvents.completed(this, failure != null ? failure : mustCancel ? new CancellationException() : null);
        }
        if (failure == null) {
            if (mustCancel) {
                // cancel() arrived after the last suspension: the task still ends cancelled, as in CPython
                mustCancel = false;
                super.cancel(cancelMessage());
            } else {
                super.setResult((T) r);
            }
        } else if (failure instanceof CancellationException ce) {
            this.failure = ce;
            super.cancel(ce.getMessage());
        } else {
            super.setFailure(failure);
        }
    }

    private void deliver(Future<?> f) {
        if (f.state == FINISHED && f.failure == null) {
            resumeValue = f.value;
            resumeFailure = null;
        } else {
            resumeValue = null;
            resumeFailure = f.state == CANCELLED ? f.cancellationException() : f.failure;
            f.markRetrieved();
        }
    }

    // ---------------------------------------------------------------- used by Coroutine's ABI

    /** Suspends the frame on a pending future of this loop. */
    final Object suspendOn(Future<?> f, Coroutine<?> frame) {
        if (f.loop != loop) {
            throw new IllegalStateException("Task " + getName() + " got Future " + f + " attached to a different loop");
        }
        if (f == this) {
            throw new IllegalStateException("Task cannot await on itself: " + this);
        }
        current = frame;
        waitingOn = f;
        f.addCallback(this);
        if (mustCancel && f.cancel(cancelMessage())) {
            mustCancel = false;
        }
        return Coroutine.SUSPENDED;
    }

    /** Suspends the frame for exactly one loop iteration (sleep(0)). */
    final Object yieldOnce(Coroutine<?> frame) {
        current = frame;
        resumeValue = null;
        resumeFailure = null;
        loop.enqueue(this);
        return Coroutine.SUSPENDED;
    }

    /** Hands a child to the step loop instead of calling it on a deep Java stack. */
    final Object handOff(Coroutine<?> child) {
        handOff = child;
        return Coroutine.SUSPENDED;
    }

    /**
     * Continues the step with {@code frame} (a suspended frame, resumed with this value or failure, or a
     * fresh one), once this stack unwinds: how an async generator passes control between its body and
     * its consumer inside one task.
     */
    final Object resumeThrough(Coroutine<?> frame, Object value, Throwable failure) {
        resumeValue = value;
        resumeFailure = failure;
        handOff = frame;
        return Coroutine.SUSPENDED;
    }

    final Object takeResume() {
        return takeResume(null);
    }

    /** The resume value for {@code frame}'s await; a failure is thrown there, carrying the async stack. */
    final Object takeResume(Coroutine<?> frame) {
        Throwable t = resumeFailure;
        if (t != null) {
            resumeFailure = null;
            if (AsyncStackTraces.ENABLED && frame != null) {
                AsyncStackTraces.resumedWithFailure(this, frame, t);
            }
            throw Throwables.sneaky(t);
        }
        Object v = resumeValue;
        resumeValue = null;
        return v;
    }
}
