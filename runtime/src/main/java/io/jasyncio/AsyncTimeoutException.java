package io.jasyncio;

/** asyncio's {@code TimeoutError}: a deadline passed ({@code waitFor}, {@code asCompleted}, timeout scopes). */
public class AsyncTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AsyncTimeoutException() {
        super();
    }

    public AsyncTimeoutException(String message) {
        super(message);
    }

    /** A timeout that ended a cancellation: the cause is the CancellationException it replaced. */
    public AsyncTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
