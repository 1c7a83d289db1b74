package io.jasyncio;

/** asyncio's {@code QueueEmpty}: {@link AsyncQueue#getNowait()} on an empty queue. */
public class QueueEmptyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueEmptyException(String message) {
        super(message);
    }
}
