package io.jasyncio;

/** asyncio's {@code QueueFull}: {@link AsyncQueue#putNowait} on a full queue. */
public class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueFullException(String message) {
        super(message);
    }
}
