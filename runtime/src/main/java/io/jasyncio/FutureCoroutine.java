package io.jasyncio;

import java.util.function.Function;

/**
 * A hand-written coroutine that starts an operation only when it is first run (awaited or made a task),
 * as a Python coroutine would, and then awaits the operation's future. The I/O layer's coroutines
 * ({@code openConnection}, {@code startServer}, ...) are built on it without needing the weaver.
 */
final class FutureCoroutine<T> extends Coroutine<T> {
    private Function<EventLoop, Future<T>> start;

    FutureCoroutine(Function<EventLoop, Future<T>> start) {
        this.start = start;
    }

    @Override
    protected Object invokeBody() {
        Function<EventLoop, Future<T>> s = start;
        if (s == null) {
            return resumeValue(this);
        }
        start = null;
        return awaitStart(s.apply(task.loop), this);
    }
}
