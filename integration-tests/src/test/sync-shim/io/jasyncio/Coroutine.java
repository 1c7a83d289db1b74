package io.jasyncio;

/**
 * Synchronous stand-in: an {@code @Async} method runs its body when called and returns this, holding
 * the result. Shapes always await what they call at once, so running early changes nothing.
 */
public class Coroutine<T> implements Awaitable<T> {
    private final T value;

    Coroutine(T value) {
        this.value = value;
    }

    @Override
    public T get() {
        return value;
    }
}
