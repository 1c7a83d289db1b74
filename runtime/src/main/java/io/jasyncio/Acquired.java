package io.jasyncio;

/**
 * What awaiting {@code acquire()} on a {@link Lock}, {@link Semaphore} or {@link Condition} gives back:
 * closing it releases what was acquired. It makes Python's {@code async with lock:} a try-with-resources:
 * <pre>{@code
 * try (var held = await(lock.acquire())) {
 *     ...   // the lock is held here, and released however the block ends
 * }
 * }</pre>
 * Release is synchronous in asyncio ({@code __aexit__} only calls {@code release()}), so this is a plain
 * {@link AutoCloseable} rather than an {@link AsyncCloseable}: closing it needs no await and works in
 * woven and plain code alike. Close it once per acquisition; each close is one {@code release()}.
 * ({@code javac -Xlint:try} notes that {@code held} is never used in the block;
 * {@code @SuppressWarnings("try")} quiets it.)
 */
@FunctionalInterface
public interface Acquired extends AutoCloseable {
    /** Releases the lock or semaphore this was acquired from. */
    @Override
    void close();
}
