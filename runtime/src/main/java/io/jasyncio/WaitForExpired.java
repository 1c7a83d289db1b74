package io.jasyncio;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * {@code wait_for(aw, timeout)} with a timeout already passed (CPython 3.12): the result if the
 * awaitable is already done; otherwise it is cancelled, waited for, and its result returned if it
 * still produced one, else an {@link AsyncTimeoutException}.
 */
final class WaitForExpired<T> extends Coroutine<T> {
    private final Awaitable<T> aw;
    private Future<T> fut;
    private Future<Void> waiter;
    private final Consumer<Future<T>> release = f -> {
        if (!waiter.isDone()) {
            waiter.setResult(null);
        }
    };

    WaitForExpired(Awaitable<T> aw) {
        this.aw = aw;
    }

    @Override
    protected Object invokeBody() {
        if (fut == null) {
            fut = Asyncio.ensureFuture(aw, task.loop);
            if (fut.isDone()) {
                return fut.result();
            }
            // Wait on our own future, not fut, so this wait stays cancellable even if fut ignores cancel().
            waiter = new Future<>(task.loop);
            fut.addDoneCallback(release);
            fut.cancel();
            Object r;
            try {
                r = awaitStart(waiter, this);
            } catch (Throwable t) {
                fut.removeDoneCallback(release);
                throw t;
            }
            if (r == SUSPENDED) {
                return SUSPENDED;
            }
        } else {
            try {
                resumeValue(this);
            } finally {
                fut.removeDoneCallback(release);
            }
        }
        try {
            return fut.result();
        } catch (CancellationException e) {
            throw new AsyncTimeoutException("waitFor: timed out", e);
        }
    }
}
