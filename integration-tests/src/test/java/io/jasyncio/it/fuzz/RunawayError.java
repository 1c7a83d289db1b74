package io.jasyncio.it.fuzz;

/** Stops a program that awaits far more often than its reference did (a weaver bug re-running code). */
final class RunawayError extends Error {
    private static final long serialVersionUID = 1L;

    RunawayError(int limit) {
        super("more than " + limit + " awaits: the program re-runs code or loops", null, false, false);
    }
}
