package io.jasyncio.samples.http;

/** The server closed the connection before it answered the request. */
public final class ConnectionClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConnectionClosedException(String message) {
        super(message);
    }
}
