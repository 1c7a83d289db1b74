package io.jasyncio;

/**
 * Python's {@code GeneratorExit}: thrown into an {@link AsyncGenerator} at its suspended {@code emit} by
 * {@link AsyncGenerator#aclose()}, so its finally blocks run. A generator lets it propagate (or returns);
 * emitting again instead is an error.
 */
public class GeneratorExitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GeneratorExitException() {
        super("the async generator is being closed");
    }
}
