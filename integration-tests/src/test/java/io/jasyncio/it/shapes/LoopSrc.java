package io.jasyncio.it.shapes;

import io.jasyncio.Asyncio;
import io.jasyncio.Awaitable;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;

/** Awaitables on a real loop (with a virtual clock), completing as {@link Mode} says. */
public final class LoopSrc implements Src {
    /** When the awaited values complete. */
    public enum Mode {
        /** already done: the await takes the fast path */
        IMMEDIATE,
        /** completed by a later loop callback: every await suspends */
        SOON,
        /** an awaited child coroutine sleeping on virtual time */
        SLEEP,
        /** values created earlier complete later: completion times run backwards in creation order */
        REVERSED
    }

    private static final double REVERSED_BASE = 1000.0;

    private final EventLoop loop;
    private final Mode mode;
    private int created;

    public LoopSrc(EventLoop loop, Mode mode) {
        this.loop = loop;
        this.mode = mode;
    }

    @Override
    public <T> Awaitable<T> v(T value) {
        if (mode == Mode.SLEEP) {
            return Asyncio.sleep(0.5, value);
        }
        Future<T> f = loop.createFuture();
        complete(() -> f.setResult(value));
        return f;
    }

    @Override
    public <T> Awaitable<T> fail(RuntimeException failure) {
        Future<T> f = loop.createFuture();
        complete(() -> f.setException(failure));
        return f;
    }

    private void complete(Runnable completion) {
        int k = created++;
        switch (mode) {
            case IMMEDIATE -> completion.run();
            case SOON -> loop.callSoon(completion);
            case SLEEP -> loop.callLater(0.5, completion);
            case REVERSED -> loop.callAt(REVERSED_BASE - k * 1e-3, completion);
        }
    }
}
