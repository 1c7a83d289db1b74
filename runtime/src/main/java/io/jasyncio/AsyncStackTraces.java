package io.jasyncio;

import java.util.ArrayList;
import java.util.List;

/**
 * Async stack-trace recovery, as Kotlin does it: a failure thrown into a resumed frame was created
 * where its callers were not on the Java stack (they were suspended), so when it is rethrown at an
 * await the chain of awaiting frames is appended to its stack trace after a marker element:
 *
 * <pre>
 * java.lang.IllegalStateException: boom
 *     at Shop.charge(Shop.java:40)
 *     at Shop$charge$Coroutine.invokeBody(Unknown Source)
 *     at --- async.awaited by ---(task checkout)
 *     at Shop.pay(Shop.java:31)
 *     at Shop.checkout(Shop.java:22)
 *     at io.jasyncio.Task.drive(Task.java:220)
 *     ...
 * </pre>
 *
 * The async part goes where the task's step begins (above it are the frames the failure was raised
 * in, below it the loop machinery); a failure awaited across tasks gets one part per task.
 *
 * Runs only on the failure path of a resume; {@code -Djasyncio.asyncStackTraces=false} turns it off.
 */
final class AsyncStackTraces {
    static final boolean ENABLED = !"false".equals(System.getProperty("jasyncio.asyncStackTraces"));
    /** The declaring-class name of the marker element: how a trace's async part is recognised. */
    static final String MARKER_CLASS = "--- async";
    static final String MARKER_METHOD = "awaited by ---";
    private static final String TASK_CLASS = Task.class.getName();
    /** A long chain is cut here: a 100,000-deep await chain must not make a 100,000-line trace. */
    static final int MAX_FRAMES = 256;
    /** A shared (preallocated) exception rethrown again and again stops growing after this many boundaries. */
    private static final int MAX_BOUNDARIES = 8;

    private AsyncStackTraces() {
    }

    /**
     * The failure is about to be thrown at {@code frame}'s suspended await: append that frame and
     * its awaiting callers, unless this task already did so for this failure.
     */
    static void resumedWithFailure(Task<?> task, Coroutine<?> frame, Throwable failure) {
        if (failure instanceof VirtualMachineError) {
            return;
        }
        Future.Extras extras = task.extras();   // only on a failure's path: the allocation is fine here
        if (failure == extras.tracedFailure) {
            return;
        }
        extras.tracedFailure = failure;   // the same failure passing up through the callers is appended once
        StackTraceElement[] trace = failure.getStackTrace();
        int boundaries = 0;
        for (StackTraceElement e : trace) {
            if (isMarker(e)) {
                boundaries++;
            }
        }
        if (boundaries >= MAX_BOUNDARIES) {
            return;
        }
        List<StackTraceElement> chain = chain(frame);
        if (chain.isEmpty()) {
            return;
        }
        // Right after the coroutine's own frames, before the loop machinery that ran them: the
        // awaiting callers are what the reader wants next, not twenty lines of Task/EventLoop/runner.
        int at = insertionPoint(trace);
        StackTraceElement[] out = new StackTraceElement[trace.length + 1 + chain.size()];
        System.arraycopy(trace, 0, out, 0, at);
        out[at] = marker(task.getName());
        for (int i = 0; i < chain.size(); i++) {
            out[at + 1 + i] = chain.get(i);
        }
        System.arraycopy(trace, at, out, at + 1 + chain.size(), trace.length - at);
        failure.setStackTrace(out);
    }

    /** The first frame of the task's step (the coroutine frames are above it), or the end of the trace. */
    private static int insertionPoint(StackTraceElement[] trace) {
        for (int i = 0; i < trace.length; i++) {
            if (TASK_CLASS.equals(trace[i].getClassName())) {
                return i;
            }
        }
        return trace.length;
    }

    /** Where each frame from {@code innermost} outwards is suspended (frames that cannot tell are skipped). */
    static List<StackTraceElement> chain(Coroutine<?> innermost) {
        List<StackTraceElement> out = new ArrayList<>();
        int skipped = 0;
        for (Coroutine<?> f = innermost; f != null; f = f.caller) {
            if (out.size() == MAX_FRAMES) {
                skipped++;
                continue;
            }
            StackTraceElement at = f.suspendedAt();
            if (at != null) {
                out.add(at);
            }
        }
        if (skipped > 0) {
            out.add(new StackTraceElement(MARKER_CLASS, "... " + skipped + " more awaiting frames", null, -1));
        }
        return out;
    }

    static StackTraceElement marker(String taskName) {
        return new StackTraceElement(MARKER_CLASS, MARKER_METHOD, "task " + taskName, -1);
    }

    static boolean isMarker(StackTraceElement e) {
        return MARKER_CLASS.equals(e.getClassName()) && MARKER_METHOD.equals(e.getMethodName());
    }
}
