package io.jasyncio.samples.http;

/** A request the server refuses before routing it: the status to answer with, then close. */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
