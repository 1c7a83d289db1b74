package io.jasyncio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code asyncio.as_completed} (CPython 3.12): one awaitable per distinct input, each giving the
 * result of the next input to finish, in completion order. A timeout makes the remaining ones raise
 * {@link AsyncTimeoutException} and cancels nothing.
 */
final class AsCompleted<T> {
    /** Queued in place of a future when the timeout passed. */
    private static final Object TIMED_OUT = new Object();

    private final Set<Future<T>> todo = new LinkedHashSet<>();
    /** Finished futures (or TIMED_OUT) not yet taken. */
    private final ArrayDeque<Object> done = new ArrayDeque<>();
    /** Awaiting takers, oldest first. */
    private final ArrayDeque<Future<Object>> getters = new ArrayDeque<>();
    private final Consumer<Future<T>> onCompletion = this::onCompletion;
    private final EventLoop loop;
    private TimerHandle timeoutHandle;

    @SuppressWarnings("unchecked")
    AsCompleted(Collection<? extends Awaitable<T>> aws, double timeout) {
        if (aws == null) {
            throw new NullPointerException("asCompleted: the collection is null");
        }
        if (aws instanceof Awaitable<?>) {
            throw new IllegalArgumentException("asCompleted expects a collection of awaitables, not one awaitable");
        }
        EventLoop l = EventLoop.runningOrNull();
        Set<Awaitable<T>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Awaitable<T> aw : aws) {
            if (!seen.add(aw)) {
                continue;
            }
            if (l == null && aw instanceof Future<?> f) {
                l = f.loop;
            }
            if (l == null) {
                throw new IllegalStateException("asCompleted: no running event loop to run coroutines on");
            }
            todo.add(Asyncio.ensureFuture(aw, l));
        }
        this.loop = l;
        for (Future<T> f : todo) {
            f.addDoneCallback(onCompletion);
        }
        if (!todo.isEmpty() && !Double.isNaN(timeout)) {
            timeoutHandle = loop.callLater(timeout, this::onTimeout);
        }
    }

    /** One awaitable per input; each takes the next result. */
    List<Awaitable<T>> awaitables() {
        List<Awaitable<T>> list = new ArrayList<>(todo.size());
        for (int i = 0; i < todo.size(); i++) {
            list.add(new NextCompleted());
        }
        return list;
    }

    private void onTimeout() {
        for (Future<T> f : todo) {
            f.removeDoneCallback(onCompletion);
            put(TIMED_OUT);
        }
        todo.clear();
    }

    private void onCompletion(Future<T> f) {
        if (todo.isEmpty()) {
            return;   // the timeout came first
        }
        todo.remove(f);
        put(f);
        if (todo.isEmpty() && timeoutHandle != null) {
            timeoutHandle.cancel();
        }
    }

    private void put(Object item) {
        for (Future<Object> g; (g = getters.poll()) != null; ) {
            if (!g.isDone()) {
                g.setResult(item);
                return;
            }
        }
        done.add(item);
    }

    @SuppressWarnings("unchecked")
    private T outcome(Object item) {
        if (item == TIMED_OUT) {
            throw new AsyncTimeoutException("asCompleted: timed out");
        }
        return ((Future<T>) item).result();
    }

    /** One "wait for the next one", Python's {@code _wait_for_one}. */
    private final class NextCompleted extends Coroutine<T> {
        private Future<Object> getter;

        @Override
        protected Object invokeBody() {
            if (getter == null) {
                Object item = done.poll();
                if (item != null) {
                    return outcome(item);
                }
                getter = new Future<>(loop);
                getters.add(getter);
                Object r = awaitStart(getter, this);
                if (r == SUSPENDED) {
                    return SUSPENDED;
                }
                return outcome(r);
            }
            Object item;
            try {
                item = resumeValue(this);
            } catch (Throwable t) {
                if (getter.isDone() && !getter.isCancelled()) {
                    // Woken with an item but cancelled before taking it: hand it to the next taker.
                    put(getter.value);
                }
                throw t;
            }
            return outcome(item);
        }
    }
}
