package io.jasyncio.it.fuzz;

/** The exception fuzz programs throw and catch; the id tells which throw site (or failing await) it came from. */
public final class FuzzException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final int id;

    public FuzzException(int id) {
        // suppression stays on: try-with-resources records a failing close on the body's failure
        super("F" + id, null, true, false);
        this.id = id;
    }
}
