package io.jasyncio;

/**
 * What an {@link AsyncGenerator}'s body yields through: {@code await(out.emit(x))} is Python's
 * {@code yield x} in an {@code async def}.
 */
public interface Emitter<T> {
    /**
     * Hands {@code value} to the consumer and suspends the generator until the consumer asks for the next
     * element; await it at once. The await's value is what the consumer sent with
     * {@link AsyncGenerator#asend(Object)} ({@code null} after a plain {@code hasNext()}); its type is the
     * caller's to choose and is not checked, as in Python. It throws what {@link AsyncGenerator#athrow}
     * throws in, or a {@link GeneratorExitException} when the generator is closed.
     */
    <S> Awaitable<S> emit(T value);
}
