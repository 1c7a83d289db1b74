package io.jasyncio;

/**
 * The loop's time source, in seconds. {@link #SYSTEM} is monotonic ({@code System.nanoTime});
 * {@link VirtualClock} lets tests of timing run at once and deterministically.
 */
public interface Clock {
    /** Monotonic seconds, the value of {@link EventLoop#time()}. */
    double time();

    /** The monotonic system clock. */
    Clock SYSTEM = () -> System.nanoTime() * 1e-9;
}
