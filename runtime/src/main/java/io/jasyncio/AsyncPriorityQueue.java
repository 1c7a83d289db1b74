package io.jasyncio;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * asyncio's PriorityQueue: an {@link AsyncQueue} that returns the smallest item first, by natural
 * ordering or a comparator (Python's entries are often {@code (priority, data)} tuples: give a
 * comparator on the priority, or Comparable items). Equal items come out in no particular order.
 */
public class AsyncPriorityQueue<T> extends AsyncQueue<T> {
    /** Unbounded, by natural ordering (items must be Comparable). */
    public AsyncPriorityQueue() {
        this(0);
    }

    /** Bounded by {@code maxsize} (0 or less: unbounded), by natural ordering. */
    public AsyncPriorityQueue(int maxsize) {
        this(maxsize, null);
    }

    /** Bounded by {@code maxsize} (0 or less: unbounded), ordered by {@code comparator} (null: natural). */
    public AsyncPriorityQueue(int maxsize, Comparator<? super T> comparator) {
        super(maxsize, new PriorityQueue<>(comparator));
    }
}
