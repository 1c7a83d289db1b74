package io.jasyncio;

/**
 * An awaitable that needs the frame awaiting it: {@link Coroutine#awaitStart} hands that frame over
 * instead of treating the awaitable as a future or a child coroutine. Async generators use it to pass
 * control between a generator's frames and its consumer's inside one task, without a future, a task
 * or a loop trip. Not for users: only code of this package can extend it.
 */
abstract class FrameAwaitable<T> implements Awaitable<T> {
    /** Already-answered awaits, shared: iterators over synchronous sources return them without allocating. */
    static final FrameAwaitable<Boolean> TRUE = new Ready<>(Boolean.TRUE);
    static final FrameAwaitable<Boolean> FALSE = new Ready<>(Boolean.FALSE);
    static final FrameAwaitable<Void> NOTHING = new Ready<>(null);

    /**
     * The await of this by {@code frame}: as {@code awaitStart}, returns the value at once, throws the
     * failure, or returns {@link Coroutine#SUSPENDED} once it has arranged how the task goes on.
     */
    abstract Object awaitFrom(Coroutine<?> frame);

    /** An await answered at once with a fixed value. */
    private static final class Ready<T> extends FrameAwaitable<T> {
        private final T value;

        Ready(T value) {
            this.value = value;
        }

        @Override
        Object awaitFrom(Coroutine<?> frame) {
            return value;
        }

        @Override
        public String toString() {
            return "Ready[" + value + "]";
        }
    }
}
