package io.jasyncio;

/**
 * asyncio's BoundedSemaphore: a {@link Semaphore} whose {@link #release()} refuses to raise the count
 * above its initial value, which catches a release without a matching acquire.
 */
public class BoundedSemaphore extends Semaphore {
    private final int bound;

    public BoundedSemaphore() {
        this(1);
    }

    public BoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /**
     * Returns a permit; throws IllegalStateException (Python raises ValueError) when every permit is
     * already back, i.e. when released more often than acquired.
     */
    @Override
    public void release() {
        if (value >= bound) {
            throw new IllegalStateException("BoundedSemaphore released too many times (value " + value + ", bound " + bound + ")");
        }
        super.release();
    }
}
