package io.jasyncio;

import java.util.Arrays;

/**
 * The loop's timers: a binary min-heap ordered by deadline (then scheduling order). Cancelled timers
 * stay in the heap until they reach the top, unless they become the majority, when the heap is
 * rebuilt without them, so a program that cancels most of its timeouts keeps a small heap.
 */
final class TimerQueue {
    private static final int MIN_SIZE_TO_COMPACT = 100;

    private TimerHandle[] heap = new TimerHandle[16];
    private int size;
    private int cancelled;

    int size() {
        return size;
    }

    int cancelledCount() {
        return cancelled;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(TimerHandle timer) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = timer;
        siftUp(size++);
    }

    /** The earliest live timer, dropping cancelled ones on the way; null when none is left. */
    TimerHandle peek() {
        while (size > 0 && heap[0].cancelled) {
            removeTop();
            cancelled--;
        }
        return size > 0 ? heap[0] : null;
    }

    TimerHandle poll() {
        TimerHandle top = peek();
        if (top != null) {
            removeTop();
        }
        return top;
    }

    /** Called when a timer in this heap is cancelled; compacts when over half of the heap is dead. */
    void onCancelled() {
        cancelled++;
        if (size > MIN_SIZE_TO_COMPACT && cancelled * 2 > size) {
            compact();
        }
    }

    /** Detaches every timer (the loop is closing). */
    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].loop = null;
            heap[i] = null;
        }
        size = 0;
        cancelled = 0;
    }

    private void compact() {
        int live = 0;
        for (int i = 0; i < size; i++) {
            TimerHandle t = heap[i];
            if (t.cancelled) {
                t.loop = null;
            } else {
                heap[live++] = t;
            }
        }
        Arrays.fill(heap, live, size, null);
        size = live;
        cancelled = 0;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    private void removeTop() {
        TimerHandle top = heap[0];
        top.loop = null;
        TimerHandle last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            heap[0] = last;
            siftDown(0);
        }
    }

    private void siftUp(int i) {
        TimerHandle t = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            TimerHandle p = heap[parent];
            if (!t.before(p)) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = t;
    }

    private void siftDown(int i) {
        TimerHandle t = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            TimerHandle c = heap[child];
            int right = child + 1;
            if (right < size && heap[right].before(c)) {
                child = right;
                c = heap[child];
            }
            if (!c.before(t)) {
                break;
            }
            heap[i] = c;
            i = child;
        }
        heap[i] = t;
    }
}
