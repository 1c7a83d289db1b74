package io.jasyncio;

/**
 * asyncio's {@code BrokenBarrierError}: a {@link Barrier} was aborted or reset while a task waited on it,
 * or is broken when a task arrives. Named so as not to clash with
 * {@code java.util.concurrent.BrokenBarrierException}, which is checked.
 */
public class BarrierBrokenException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public BarrierBrokenException(String message) {
        super(message);
    }
}
