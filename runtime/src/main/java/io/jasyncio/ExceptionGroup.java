package io.jasyncio;

import java.util.List;

/**
 * Python's {@code ExceptionGroup}: several failures surfacing together, as a {@link TaskGroup} raises
 * them. Each one is also attached as a suppressed exception, so a stack trace shows them all.
 */
public class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<Throwable> exceptions;

    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(message + " (" + exceptions.size() + " sub-exception" + (exceptions.size() == 1 ? ")" : "s)"));
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("ExceptionGroup: the list of exceptions is empty");
        }
        this.exceptions = List.copyOf(exceptions);
        for (Throwable t : this.exceptions) {
            addSuppressed(t);
        }
    }

    /** The failures, in the order they happened. */
    public List<Throwable> exceptions() {
        return exceptions;
    }
}
