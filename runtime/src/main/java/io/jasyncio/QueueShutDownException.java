package io.jasyncio;

/**
 * asyncio's {@code QueueShutDown}: putting into a queue that was {@link AsyncQueue#shutdown shut down},
 * or getting from one that is shut down and empty.
 */
public class QueueShutDownException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueShutDownException(String message) {
        super(message);
    }
}
