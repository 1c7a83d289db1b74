package io.jasyncio.it.fuzz;

import java.util.concurrent.CancellationException;

/**
 * What one run of a program did: its result, its log (side effects in order, locals at the end), the
 * failure it ended with, and the sequence of await sites it passed.
 */
record Outcome(String value, String log, String failure, String sites) {
    static Outcome of(Object value, StringBuilder log, Throwable failure, StringBuilder sites) {
        return new Outcome(failure == null ? String.valueOf(value) : null, log.toString(), describe(failure), sites.toString());
    }

    /** Cancellations compare by kind only: the runtime may use a subclass or add a message. */
    static String describe(Throwable t) {
        if (t == null) {
            return null;
        }
        if (t instanceof FuzzException f) {
            return "FuzzException " + f.id;
        }
        if (t instanceof CancellationException) {
            return "cancelled";
        }
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return "unexpected " + w;
    }

    @Override
    public String toString() {
        return (failure == null ? "returned " + value : "failed: " + failure) + "\n    log:   " + log + "\n    sites: " + sites;
    }
}
