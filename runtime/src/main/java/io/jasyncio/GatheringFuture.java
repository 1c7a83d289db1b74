package io.jasyncio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The future {@code gather} returns, as CPython 3.12's {@code _GatheringFuture}: done when every child
 * is done or, without {@code returnExceptions}, at the first failure or cancellation of a child (the
 * others keep running; a cancelled child makes the gather fail with its CancellationException, the
 * gather itself not being cancelled). Cancelling it cancels the children.
 */
final class GatheringFuture<T> extends Future<List<T>> {
    private final Future<?>[] children;

    /** Task dumps: the futures this gather awaits (a future passed twice appears twice). */
    Future<?>[] children() {
        return children;
    }
    private final boolean returnExceptions;
    /** How many distinct children there are: a future passed twice is awaited once. */
    private final int distinct;
    private int finished;
    private boolean cancelRequested;

    /**
     * @param children one entry per argument (a future passed twice appears twice)
     * @param distinct the children without repeats; those already done are settled here, so a
     *                 gather of done futures is done at once, as in CPython 3.12
     */
    GatheringFuture(EventLoop loop, Future<?>[] children, List<Future<?>> distinct, boolean returnExceptions) {
        super(loop);
        this.children = children;
        this.distinct = distinct.size();
        this.returnExceptions = returnExceptions;
        if (children.length == 0) {
            setResult(new ArrayList<>());
            return;
        }
        List<Future<?>> alreadyDone = null;
        for (Future<?> child : distinct) {
            if (child.isDone()) {
                if (alreadyDone == null) {
                    alreadyDone = new ArrayList<>();
                }
                alreadyDone.add(child);
            } else {
                child.addCallback(new ChildDone(child));
            }
        }
        if (alreadyDone != null) {
            for (Future<?> child : alreadyDone) {
                childDone(child);
            }
        }
    }

    @Override
    public boolean cancel(String msg) {
        if (isDone()) {
            return false;
        }
        boolean any = false;
        for (Future<?> child : children) {
            if (child.cancel(msg)) {
                any = true;
            }
        }
        if (any) {
            // Whatever returnExceptions says, the gather ends cancelled once its children are done.
            cancelRequested = true;
        }
        return any;
    }

    private void childDone(Future<?> child) {
        finished++;
        if (isDone()) {
            if (!child.isCancelled()) {
                child.markRetrieved();   // the gather already ended: this failure is not lost, just ignored
            }
            return;
        }
        if (!returnExceptions) {
            if (child.isCancelled()) {
                setFailure(child.cancellationException());
                return;
            }
            if (child.failure != null) {
                child.markRetrieved();
                setFailure(child.failure);
                return;
            }
        }
        if (finished < distinct) {
            return;
        }
        List<Object> results = new ArrayList<>(children.length);
        for (Future<?> c : children) {
            if (c.isCancelled()) {
                results.add(c.cancelMessage() == null ? new CancellationException() : new CancellationException(c.cancelMessage()));
            } else if (c.failure != null) {
                c.markRetrieved();
                results.add(c.failure);
            } else {
                results.add(c.value);
            }
        }
        if (cancelRequested) {
            setFailure(child.isCancelled() ? child.cancellationException() : new CancellationException());
            return;
        }
        @SuppressWarnings("unchecked") List<T> list = (List<T>) results;
        setResult(list);
    }

    private final class ChildDone implements Runnable {
        private final Future<?> child;

        ChildDone(Future<?> child) {
            this.child = child;
        }

        @Override
        public void run() {
            childDone(child);
        }

        @Override
        public String toString() {
            return "gather's done-callback for " + child;
        }
    }
}
