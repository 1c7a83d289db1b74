package io.jasyncio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Python 3.12's {@code asyncio.TaskGroup}: {@code try (TaskGroup tg = new TaskGroup()) { tg.createTask(...); }}
 * inside an {@code @Async} method. Leaving the block waits for every child; the first child failure
 * cancels the other children and the task running the block, and all failures surface together in an
 * {@link ExceptionGroup}. The group is entered when constructed, in the task that will close it.
 */
public final class TaskGroup implements AsyncCloseable {
    private final EventLoop loop;
    private final Task<?> parentTask;
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final Consumer<Future<Object>> onTaskDone = this::onTaskDone;
    private boolean exiting;
    private boolean aborting;
    private boolean parentCancelRequested;
    private Throwable baseError;
    private Future<Boolean> onCompleted;

    /** Enters the group in the current task. */
    public TaskGroup() {
        this.loop = EventLoop.running("new TaskGroup()");
        this.parentTask = loop.currentTask();
        if (parentTask == null) {
            throw new IllegalStateException("new TaskGroup(): cannot determine the parent task; create it inside an @Async method run by a task");
        }
    }

    public <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, null);
    }

    /** Starts a child task; refused once the group has finished or while it is shutting down. */
    @SuppressWarnings("unchecked")
    public <T> Task<T> createTask(Coroutine<T> coro, String name) {
        if (exiting && tasks.isEmpty()) {
            coro.forgetUnawaited();
            throw new IllegalStateException("TaskGroup.createTask: " + this + " is finished");
        }
        if (aborting) {
            coro.forgetUnawaited();
            throw new IllegalStateException("TaskGroup.createTask: " + this + " is shutting down");
        }
        Task<T> task = loop.createTask(coro, name);
        if (task.isDone()) {
            onTaskDone((Future<Object>) (Future<?>) task);   // an eager task may already be done
        } else {
            tasks.add(task);
            ((Future<Object>) (Future<?>) task).addDoneCallback(onTaskDone);
        }
        return task;
    }

    /** Waits for the children; raises their failures as an {@link ExceptionGroup}. */
    @Override
    public Coroutine<Void> closeAsync(Throwable failure) {
        return new Exit(failure);
    }

    @Override
    public String toString() {
        return "TaskGroup[" + (tasks.isEmpty() ? "" : "tasks=" + tasks.size() + " ")
                + (errors.isEmpty() ? "" : "errors=" + errors.size() + " ")
                + (aborting ? "cancelling" : exiting ? "exiting" : "entered") + "]";
    }

    private static boolean isBaseError(Throwable t) {
        return t instanceof VirtualMachineError;
    }

    private void abort() {
        aborting = true;
        for (Task<?> t : tasks) {
            if (!t.isDone()) {
                t.cancel();
            }
        }
    }

    private void onTaskDone(Future<Object> f) {
        Task<?> task = (Task<?>) f;
        tasks.remove(task);
        if (onCompleted != null && tasks.isEmpty() && !onCompleted.isDone()) {
            onCompleted.setResult(true);
        }
        if (task.isCancelled()) {
            return;
        }
        Throwable exc = task.exception();
        if (exc == null) {
            return;
        }
        errors.add(exc);
        if (isBaseError(exc) && baseError == null) {
            baseError = exc;
        }
        if (parentTask.isDone()) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("message", "Task " + task + " has errored out but its parent task " + parentTask + " is already completed");
            context.put("exception", exc);
            context.put("task", task);
            loop.callExceptionHandler(context);
            return;
        }
        if (!aborting && !parentCancelRequested) {
            // Interrupt the block's body; closeAsync withdraws this cancellation request again.
            abort();
            parentCancelRequested = true;
            parentTask.cancel();
        }
    }

    /** Task dumps: the children of the group whose exit {@code frame} is (a TaskGroup awaits them), else null. */
    static java.util.Collection<Task<?>> childrenAwaitedBy(Coroutine<?> frame) {
        return frame instanceof Exit e ? e.group().tasks : null;
    }

    /** Python's {@code __aexit__}, as a coroutine that may wait several times. */
    private final class Exit extends Coroutine<Void> {
        private final Throwable failure;
        private Throwable propagateCancellation;
        private boolean entered;

        Exit(Throwable failure) {
            this.failure = failure;
        }

        TaskGroup group() {
            return TaskGroup.this;
        }

        @Override
        public StackTraceElement suspendedAt() {
            return new StackTraceElement(TaskGroup.class.getName(), "closeAsync", "TaskGroup.java", -1);
        }

        @Override
        protected Object invokeBody() {
            if (!entered) {
                entered = true;
                if (exiting) {
                    throw new IllegalStateException("TaskGroup.closeAsync: " + TaskGroup.this + " was already closed");
                }
                exiting = true;
                if (failure != null && isBaseError(failure) && baseError == null) {
                    baseError = failure;
                }
                propagateCancellation = failure instanceof CancellationException ? failure : null;
                if (failure != null && !aborting) {
                    abort();   // the body failed or its task is being cancelled
                }
            } else {
                try {
                    resumeValue(this);
                } catch (CancellationException ex) {
                    cancelledWhileWaiting(ex);
                }
                onCompleted = null;
            }
            // onCompleted may be cancelled several times if the parent task is cancelled repeatedly.
            while (!tasks.isEmpty()) {
                if (onCompleted == null) {
                    onCompleted = new Future<>(loop);
                }
                Object r;
                try {
                    r = awaitStart(onCompleted, this);
                } catch (CancellationException ex) {
                    cancelledWhileWaiting(ex);
                    r = null;
                }
                if (r == SUSPENDED) {
                    return SUSPENDED;
                }
                onCompleted = null;
            }
            return finish();
        }

        private void cancelledWhileWaiting(CancellationException ex) {
            if (!aborting) {
                // The parent task is cancelled while the children still run: cancel them too.
                propagateCancellation = ex;
                abort();
            }
        }

        private Object finish() {
            // Withdraw our own cancellation of the parent only now, when no child can fail any more
            // (CPython 3.12.3+ does it here, not on entry, so a failure during the wait is covered).
            if (parentCancelRequested && parentTask.uncancel() == 0) {
                propagateCancellation = null;   // ours was the only request: don't propagate it
            }
            if (baseError != null) {
                return raise(baseError);
            }
            if (propagateCancellation != null && errors.isEmpty()) {
                return raise(propagateCancellation);
            }
            if (failure != null && !(failure instanceof CancellationException)) {
                errors.add(failure);
            }
            if (!errors.isEmpty()) {
                ExceptionGroup group = new ExceptionGroup("unhandled errors in a TaskGroup", errors);
                errors.clear();
                throw group;
            }
            return null;
        }

        /**
         * The body's own failure propagates by returning normally (Python's falsy {@code __aexit__}):
         * the try-with-resources handler rethrows it, and throwing it here would suppress it into itself.
         */
        private Object raise(Throwable t) {
            if (t == failure) {
                return null;
            }
            throw Throwables.sneaky(t);
        }
    }
}
