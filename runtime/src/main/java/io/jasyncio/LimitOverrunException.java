package io.jasyncio;

/**
 * Python's {@code asyncio.LimitOverrunError}: a stream read looked for a separator past the reader's
 * limit. {@link #consumed()} is how many bytes would have to be consumed to go on.
 */
public class LimitOverrunException extends RuntimeException {
    private final int consumed;

    public LimitOverrunException(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    public int consumed() {
        return consumed;
    }
}
