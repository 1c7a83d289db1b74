package io.jasyncio.samples.db;

/**
 * The server said something this client cannot follow (a malformed or unexpected message, an
 * authentication method it does not speak). The connection is closed: its state is unknown.
 */
public class PgProtocolException extends RuntimeException {
    public PgProtocolException(String message) {
        super(message);
    }
}
