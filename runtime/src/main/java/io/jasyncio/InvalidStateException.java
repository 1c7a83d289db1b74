package io.jasyncio;

/** asyncio's {@code InvalidStateError}: an operation a future's current state does not allow. */
public class InvalidStateException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public InvalidStateException(String message) {
        super(message);
    }
}
