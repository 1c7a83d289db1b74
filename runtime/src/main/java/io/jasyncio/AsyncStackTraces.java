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
 *     at ...Task.drive(Task.java)
 *     at --- async.awaited by ---(task checkout)
 *     at Shop.pay(Shop.java:31)
 *     at Shop.checkout(Shop.java:22)
 * </pre>
 *
 * Runs only on the failure path of a resume; {@code -Djasyncio.asyncStackTraces=false} turns it off.
 */
final class AsyncStackTraces {
    static final boolean ENABLED = !"false".equals(System.getProperty("jasyncio.asyncStackTraces"));
    /** The declaring-class name of the marker element: how a trace's async part is recognised. */
    static final String MARKER_CLASS = "--- async";
    static final String MARKER_METHOD = "awaited by ---";
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
        if (failure instanceof VirtualMachineError || failure == task.tracedFailure) {
            return;
        }
        task.tracedFailure = failure;   // the same failure passing up through the callers is appended once
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
        StackTraceElement[] out = new StackTraceElement[trace.length + 1 + chain.size()];
        System.arraycopy(trace, 0, out, 0, trace.length);
        out[trace.length] = marker(task.getName());
        for (int i = 0; i < chain.size(); i++) {
            out[trace.length + 1 + i] = chain.get(i);
        }
        failure.setStackTrace(out);
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
        return MARKER_CLASS.equals(e.getClassName());
    }
}
