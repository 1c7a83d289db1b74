package io.jasyncio;

/**
 * {@code asyncio.shield}: an outer future that follows the inner one, so cancelling the outer one
 * (for example by cancelling the task awaiting it) leaves the inner one running.
 */
final class Shield {
    private Shield() {
    }

    static <T> Future<T> shield(Awaitable<T> aw) {
        Future<T> inner = Asyncio.ensureFuture(aw, null);
        if (inner.isDone()) {
            return inner;
        }
        Future<T> outer = new Future<>(inner.loop);
        Runnable innerDone = () -> {
            if (outer.isCancelled()) {
                if (!inner.isCancelled()) {
                    inner.markRetrieved();   // nobody will look, by design
                }
                return;
            }
            if (inner.isCancelled()) {
                outer.cancel();
            } else if (inner.failure != null) {
                inner.markRetrieved();
                outer.setFailure(inner.failure);
            } else {
                @SuppressWarnings("unchecked") T v = (T) inner.value;
                outer.setResult(v);
            }
        };
        inner.addCallback(innerDone);
        outer.addCallback(() -> {
            if (!inner.isDone()) {
                inner.removeCallback(innerDone);
            }
        });
        return outer;
    }
}
