package io.jasyncio;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * JDK Flight Recorder events for tasks (created, suspended, resumed with the step's duration,
 * completed) and for slow loop callbacks. The runtime's hooks read {@link #active} and do nothing else
 * while it is false; it turns true while a recording runs (noticed when a loop is created after Flight
 * Recorder started, e.g. {@code -XX:StartFlightRecording}) or for good with {@code -Djasyncio.jfr=true}.
 * A recording then chooses which of these events it wants, as for any JFR event.
 */
final class JfrEvents {
    private static final boolean FORCED = Boolean.getBoolean("jasyncio.jfr");
    /** Read by the hooks in Task and EventLoop: one volatile read when off. */
    static volatile boolean active = FORCED;
    private static boolean listening;

    private JfrEvents() {
    }

    /** At each loop's creation: if Flight Recorder runs, follow its recordings from now on. */
    static void loopCreated() {
        if (FORCED || listening) {
            return;
        }
        try {
            if (!FlightRecorder.isInitialized()) {
                return;   // never start JFR ourselves: that is not free
            }
            synchronized (JfrEvents.class) {
                if (!listening) {
                    listening = true;
                    FlightRecorder.addListener(new FlightRecorderListener() {
                        @Override
                        public void recordingStateChanged(Recording recording) {
                            active = anyRecordingRunning();
                        }
                    });
                    active = anyRecordingRunning();
                }
            }
        } catch (LinkageError | SecurityException noJfr) {
            // a runtime image without jdk.jfr, or not allowed to use it: no events
        }
    }

    private static boolean anyRecordingRunning() {
        for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
            if (r.getState() == RecordingState.RUNNING) {
                return true;
            }
        }
        return false;
    }

    static void created(Task<?> t) {
        TaskCreated e = new TaskCreated();
        if (e.isEnabled()) {
            e.taskId = idOf(t);
            e.taskName = t.getName();
            e.coroutine = t.getCoro().getClass().getName();
            e.commit();
        }
    }

    /**
     * A step ended: the step event (or null) is committed, then, if the task suspended, where. Only
     * now are the frames' labels set: during awaitStart they still name the previous await.
     */
    static void stepEnded(Task<?> t, Object step) {
        if (step != null) {
            ((TaskResumed) step).commit();
        }
        if (!t.isDone() && t.current != null) {
            suspended(t, t.current, t.waitingOn);
        }
    }

    private static void suspended(Task<?> t, Coroutine<?> frame, Future<?> on) {
        TaskSuspended e = new TaskSuspended();
        if (e.isEnabled()) {
            e.taskId = idOf(t);
            e.taskName = t.getName();
            // the innermost frame is often the runtime's own (a sleep): name the user's await above it
            StackTraceElement at = null;
            for (Coroutine<?> f = frame; f != null && at == null; f = f.caller) {
                at = f.suspendedAt();
            }
            e.suspendedAt = at == null ? frame.getClass().getName() : at.toString();
            e.awaiting = on == null ? null : on instanceof Task<?> other ? "Task " + other.getName() : on.getClass().getName();
            e.commit();
        }
    }

    /** A step begins; the returned event (or null) is handed to {@link #stepEnded}. */
    static Object resumed(Task<?> t) {
        TaskResumed e = new TaskResumed();
        if (!e.isEnabled()) {
            return null;
        }
        e.taskId = idOf(t);
        e.taskName = t.getName();
        StackTraceElement at = t.current == null ? null : t.current.suspendedAt();
        e.resumedAt = at == null ? null : at.toString();
        e.begin();
        return e;
    }

    static void completed(Task<?> t, Throwable failure) {
        TaskCompleted e = new TaskCompleted();
        if (e.isEnabled()) {
            e.taskId = idOf(t);
            e.taskName = t.getName();
            e.outcome = failure == null ? "result"
                    : failure instanceof java.util.concurrent.CancellationException ? "cancelled" : "failed: " + failure;
            e.commit();
        }
    }

    static void slowCallback(Runnable callback, double seconds) {
        SlowCallback e = new SlowCallback();
        if (e.isEnabled()) {
            e.callback = String.valueOf(callback);
            e.took = (long) (seconds * 1e9);
            e.commit();
        }
    }

    private static long idOf(Task<?> t) {
        return Integer.toUnsignedLong(System.identityHashCode(t));   // the id task dumps show
    }

    @Name("io.jasyncio.TaskCreated")
    @Label("Task Created")
    @Category("jasyncio")
    @Description("A task was created and scheduled")
    static final class TaskCreated extends Event {
        @Label("Task Id")
        long taskId;
        @Label("Task Name")
        String taskName;
        @Label("Coroutine")
        String coroutine;
    }

    @Name("io.jasyncio.TaskSuspended")
    @Label("Task Suspended")
    @Category("jasyncio")
    @Description("A task suspended at an await on a pending future")
    @StackTrace(false)
    static final class TaskSuspended extends Event {
        @Label("Task Id")
        long taskId;
        @Label("Task Name")
        String taskName;
        @Label("Suspended At")
        String suspendedAt;
        @Label("Awaiting")
        String awaiting;
    }

    @Name("io.jasyncio.TaskResumed")
    @Label("Task Step")
    @Category("jasyncio")
    @Description("A task ran one step: from its resumption to its next suspension or completion")
    @StackTrace(false)
    static final class TaskResumed extends Event {
        @Label("Task Id")
        long taskId;
        @Label("Task Name")
        String taskName;
        @Label("Resumed At")
        String resumedAt;
    }

    @Name("io.jasyncio.TaskCompleted")
    @Label("Task Completed")
    @Category("jasyncio")
    @Description("A task finished with a result, a failure or a cancellation")
    @StackTrace(false)
    static final class TaskCompleted extends Event {
        @Label("Task Id")
        long taskId;
        @Label("Task Name")
        String taskName;
        @Label("Outcome")
        String outcome;
    }

    @Name("io.jasyncio.SlowCallback")
    @Label("Slow Callback")
    @Category("jasyncio")
    @Description("A loop callback ran at least the loop's slow-callback duration, blocking every other task")
    @StackTrace(false)
    static final class SlowCallback extends Event {
        @Label("Callback")
        String callback;
        /** On the loop's clock, which may be virtual: not the event's own (wall-clock) duration. */
        @Label("Took")
        @Description("How long the callback ran, in loop time")
        @Timespan(Timespan.NANOSECONDS)
        long took;
    }
}
