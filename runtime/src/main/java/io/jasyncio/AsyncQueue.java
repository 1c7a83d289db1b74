package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;

/**
 * asyncio's Queue, first in first out, for tasks of one loop (not thread-safe). {@link #put} waits while
 * the queue is full and {@link #get()} while it is empty; blocked producers and consumers are served in
 * FIFO order, and a cancelled one neither loses an item nor swallows another's wake-up. {@link #taskDone()}
 * and {@link #join()} track items still being processed; {@link #shutdown} ends the queue's life.
 * Items may not be null. Named {@code AsyncQueue} so as not to clash with {@link java.util.Queue}; see
 * also {@link AsyncLifoQueue} and {@link AsyncPriorityQueue}.
 */
public class AsyncQueue<T> extends LoopBound {
    private final int maxsize;
    private final Queue<T> items;
    private final Waiters getters = new Waiters();
    private final Waiters putters = new Waiters();
    private int unfinishedTasks;
    private final Event finished = new Event();
    private boolean shutdown;

    /** An unbounded queue. */
    public AsyncQueue() {
        this(0);
    }

    /** A queue holding at most {@code maxsize} items; 0 or less means unbounded. */
    public AsyncQueue(int maxsize) {
        this(maxsize, new ArrayDeque<>());
    }

    /**
     * A queue keeping its items in {@code storage}, whose {@code offer}/{@code poll} order is the queue's
     * order (Python's {@code _put}/{@code _get} overrides). {@code storage} must be empty and used by
     * nothing else.
     */
    protected AsyncQueue(int maxsize, Queue<T> storage) {
        this.maxsize = maxsize;
        this.items = Objects.requireNonNull(storage, "storage");
        if (!storage.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the storage must start empty");
        }
        finished.set();
    }

    /** The number of items in the queue. */
    public int qsize() {
        return items.size();
    }

    /** The most items the queue holds; 0 or less means unbounded. */
    public int maxsize() {
        return maxsize;
    }

    /** Python's {@code empty()}. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Python's {@code full()}: true when bounded and holding {@code maxsize} items. */
    public boolean isFull() {
        return maxsize > 0 && items.size() >= maxsize;
    }

    /** Whether {@link #shutdown} was called. */
    public boolean isShutdown() {
        return shutdown;
    }

    /**
     * Puts an item, waiting while the queue is full: await the result. With room in the queue the item
     * goes in at once, by this call (nothing allocated); otherwise the task waits in line when it
     * awaits. Fails with {@link QueueShutDownException} if the queue is (or gets) shut down.
     */
    public Awaitable<Void> put(T item) {
        Objects.requireNonNull(item, "AsyncQueue.put: item is null");
        if (!isFull()) {
            putNowait(item);
            return doneNow(null);
        }
        return putWhenRoom(item);
    }

    /**
     * Puts an item without waiting; throws {@link QueueFullException} if the queue is full,
     * {@link QueueShutDownException} if it is shut down.
     */
    public void putNowait(T item) {
        Objects.requireNonNull(item, "AsyncQueue.putNowait: item is null");
        if (shutdown) {
            throw new QueueShutDownException(getClass().getSimpleName() + ".putNowait: the queue is shut down");
        }
        if (isFull()) {
            throw new QueueFullException(getClass().getSimpleName() + ".putNowait: the queue is full (maxsize " + maxsize + ")");
        }
        items.offer(item);
        unfinishedTasks++;
        finished.clear();
        getters.popAndWakeNext();
    }

    /**
     * Removes and returns an item, waiting while the queue is empty. As in Python this is a coroutine:
     * nothing is taken until it is awaited (so it costs one small frame; {@link #getNowait()} is the
     * allocation-free path). Fails with {@link QueueShutDownException} if the queue is shut down and
     * empty (or gets so while waiting). A cancelled get takes no item, and passes its wake-up on.
     */
    public Coroutine<T> get() {
        return getWhenAvailable();
    }

    /**
     * Removes and returns an item without waiting; throws {@link QueueEmptyException} if the queue is
     * empty ({@link QueueShutDownException} if it is also shut down).
     */
    public T getNowait() {
        T item = items.poll();
        if (item == null) {
            if (shutdown) {
                throw new QueueShutDownException(getClass().getSimpleName() + ".getNowait: the queue is shut down and empty");
            }
            throw new QueueEmptyException(getClass().getSimpleName() + ".getNowait: the queue is empty");
        }
        putters.popAndWakeNext();
        return item;
    }

    /**
     * Tells the queue that an item taken by {@code get} has been processed; once every item put has been
     * marked done, {@link #join()} returns. Throws IllegalStateException (Python raises ValueError) when
     * called more often than items were put.
     */
    public void taskDone() {
        if (unfinishedTasks <= 0) {
            throw new IllegalStateException(getClass().getSimpleName() + ".taskDone() called too many times");
        }
        if (--unfinishedTasks == 0) {
            finished.set();
        }
    }

    /** Waits until every item put has been marked done with {@link #taskDone()}. */
    public Awaitable<Void> join() {
        if (unfinishedTasks == 0) {
            return doneNow(null);
        }
        return joinWhenFinished();
    }

    /** Python's {@code shutdown()}: same as {@code shutdown(false)}. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down (Python 3.13): {@code put} fails from now on with
     * {@link QueueShutDownException}, and so does {@code get} once the queue is empty; blocked putters
     * and getters wake to find that out. With {@code immediate}, the items left are dropped and counted
     * as done, so {@link #join()} returns once items taken before are marked done.
     */
    public void shutdown(boolean immediate) {
        shutdown = true;
        if (immediate) {
            while (items.poll() != null) {
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                finished.set();
            }
        }
        getters.popAndWakeAll();
        putters.popAndWakeAll();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append("[maxsize=").append(maxsize)
                .append(", size=").append(items.size());
        if (!getters.isEmpty()) {
            sb.append(", getters:").append(getters.size());
        }
        if (!putters.isEmpty()) {
            sb.append(", putters:").append(putters.size());
        }
        if (unfinishedTasks > 0) {
            sb.append(", tasks=").append(unfinishedTasks);
        }
        if (shutdown) {
            sb.append(", shutdown");
        }
        return sb.append(']').toString();
    }

    /** A put into a full queue: waits for room, then puts. */
    @Async
    private Coroutine<Void> putWhenRoom(T item) {
        while (isFull()) {
            if (shutdown) {
                throw new QueueShutDownException(getClass().getSimpleName() + ".put: the queue is shut down");
            }
            Future<Object> putter = putters.add(bind(Asyncio.getRunningLoop()));
            try {
                await(putter);
            } catch (Throwable t) {
                giveUpTurn(putters, putter, !isFull());
                throw t;
            }
        }
        putNowait(item);
        return completed();
    }

    /** A get: waits while the queue is empty, then takes the next item. */
    @Async
    private Coroutine<T> getWhenAvailable() {
        while (isEmpty()) {
            if (shutdown) {
                throw new QueueShutDownException(getClass().getSimpleName() + ".get: the queue is shut down and empty");
            }
            Future<Object> getter = getters.add(bind(Asyncio.getRunningLoop()));
            try {
                await(getter);
            } catch (Throwable t) {
                giveUpTurn(getters, getter, !isEmpty());
                throw t;
            }
        }
        return completed(getNowait());
    }

    @Async
    private Coroutine<Void> joinWhenFinished() {
        await(finished.waitUntilSet());
        return completed();
    }

    /**
     * After a blocked put or get failed (cancelled, typically): drop its waiter, and if it had been woken
     * but will not use its turn, give the turn to the next in line.
     */
    private static void giveUpTurn(Waiters line, Future<Object> waiter, boolean turnStillThere) {
        waiter.cancel();   // no-op if it was woken already
        line.remove(waiter);
        if (turnStillThere && !waiter.isCancelled()) {
            line.popAndWakeNext();
        }
    }
}
