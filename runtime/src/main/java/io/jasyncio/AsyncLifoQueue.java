package io.jasyncio;

import java.util.ArrayDeque;
import java.util.Collections;

/** asyncio's LifoQueue: an {@link AsyncQueue} that returns the most recently put item first. */
public class AsyncLifoQueue<T> extends AsyncQueue<T> {
    public AsyncLifoQueue() {
        this(0);
    }

    public AsyncLifoQueue(int maxsize) {
        super(maxsize, Collections.asLifoQueue(new ArrayDeque<>()));
    }
}
