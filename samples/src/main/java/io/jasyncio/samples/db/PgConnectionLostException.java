package io.jasyncio.samples.db;

/**
 * The connection to the server is gone: the server closed it or it broke mid-exchange, or this side
 * closed it. Whatever was in flight is lost; open a new connection.
 */
public class PgConnectionLostException extends RuntimeException {
    public PgConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
