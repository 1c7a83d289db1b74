package io.jasyncio;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code asyncio.wait}: waits, without cancelling anything, until the futures satisfy
 * {@link ReturnWhen} or the timeout passes, then splits them into done and pending.
 */
final class WaitCoroutine<T> extends Coroutine<WaitResult<T>> {
    private final Set<Future<T>> fs;
    private final double timeout;
    private final ReturnWhen returnWhen;
    private final Consumer<Future<T>> onCompletion = this::onCompletion;
    private Future<Void> waiter;
    private TimerHandle timeoutHandle;
    private int counter;
    private boolean suspended;

    /** @param timeout seconds, or NaN for none */
    WaitCoroutine(Set<Future<T>> fs, double timeout, ReturnWhen returnWhen) {
        this.fs = fs;
        this.timeout = timeout;
        this.returnWhen = returnWhen;
    }

    @Override
    protected Object invokeBody() {
        if (!suspended) {
            suspended = true;
            EventLoop loop = task.loop;
            for (Future<T> f : fs) {
                if (f.loop != loop) {
                    throw new IllegalArgumentException("wait: " + f + " is attached to a different loop");
                }
            }
            waiter = new Future<>(loop);
            if (!Double.isNaN(timeout)) {
                timeoutHandle = loop.callLater(timeout, this::release);
            }
            counter = fs.size();
            for (Future<T> f : fs) {
                f.addDoneCallback(onCompletion);
            }
            Object r;
            try {
                r = awaitStart(waiter, this);
            } catch (Throwable t) {
                cleanUp();
                throw t;
            }
            if (r == SUSPENDED) {
                return SUSPENDED;
            }
        } else {
            try {
                resumeValue(this);
            } catch (Throwable t) {
                cleanUp();
                throw t;
            }
        }
        cleanUp();
        Set<Future<T>> done = new LinkedHashSet<>();
        Set<Future<T>> pending = new LinkedHashSet<>();
        for (Future<T> f : fs) {
            (f.isDone() ? done : pending).add(f);
        }
        return new WaitResult<>(done, pending);
    }

    private void onCompletion(Future<T> f) {
        counter--;
        if (counter <= 0 || returnWhen == ReturnWhen.FIRST_COMPLETED
                || (returnWhen == ReturnWhen.FIRST_EXCEPTION && !f.isCancelled() && f.exception() != null)) {
            release();
        }
    }

    private void release() {
        if (timeoutHandle != null) {
            timeoutHandle.cancel();
        }
        if (!waiter.isDone()) {
            waiter.setResult(null);
        }
    }

    private void cleanUp() {
        if (timeoutHandle != null) {
            timeoutHandle.cancel();
            timeoutHandle = null;
        }
        for (Future<T> f : fs) {
            f.removeDoneCallback(onCompletion);
        }
    }
}
