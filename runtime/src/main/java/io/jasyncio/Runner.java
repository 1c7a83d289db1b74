package io.jasyncio;

import java.util.function.Supplier;

/**
 * Python's {@code asyncio.Runner}: one event loop kept for several top-level {@link #run} calls
 * ({@code Asyncio.run} makes and closes a loop each time). Closing it cancels the tasks the runs left
 * pending, lets the cancellations land, shuts the default executor down and closes the loop.
 *
 * <pre>{@code
 * try (Runner runner = new Runner()) {
 *     runner.run(setUp());
 *     runner.run(main());
 * }
 * }</pre>
 */
public final class Runner implements AutoCloseable {
    private final Supplier<EventLoop> loopFactory;
    private final boolean debug;
    private EventLoop loop;
    private boolean closed;

    public Runner() {
        this(false);
    }

    public Runner(boolean debug) {
        this(EventLoop::new, debug);
    }

    /** Python's {@code loop_factory}: e.g. {@code () -> new EventLoop(new VirtualClock())}. */
    public Runner(Supplier<EventLoop> loopFactory) {
        this(loopFactory, false);
    }

    private Runner(Supplier<EventLoop> loopFactory, boolean debug) {
        this.loopFactory = loopFactory;
        this.debug = debug;
    }

    /** Runs the coroutine to completion on this runner's loop and returns its result. */
    public <T> T run(Coroutine<T> coro) {
        if (EventLoop.runningOrNull() != null) {
            throw new IllegalStateException("Runner.run() cannot be called from a running event loop");
        }
        return loop().runUntilComplete(coro);
    }

    /** The loop, made on first use. */
    public EventLoop getLoop() {
        return loop();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        EventLoop l = loop;
        if (l == null || l.isClosed()) {
            return;
        }
        try {
            Asyncio.cancelAllTasks(l);
            l.shutdownDefaultExecutor();
        } finally {
            l.close();
        }
    }

    private EventLoop loop() {
        if (closed) {
            throw new IllegalStateException("Runner is closed");
        }
        EventLoop l = loop;
        if (l == null) {
            l = loop = loopFactory.get();
            if (debug) {
                l.setDebug(true);
            }
        }
        return l;
    }
}
