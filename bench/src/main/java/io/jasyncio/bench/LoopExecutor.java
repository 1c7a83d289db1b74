package io.jasyncio.bench;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The CompletableFuture peers' event loop: async stages run on the thread that created this executor,
 * in FIFO order, as jasyncio's tasks run on its loop thread. Submissions from that thread go to a
 * plain deque; other threads (a delayed executor's timer) go through a blocking queue.
 */
final class LoopExecutor implements Executor {
    private final Thread owner = Thread.currentThread();
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable r) {
        if (Thread.currentThread() == owner) {
            ready.add(r);
        } else {
            inbox.add(r);
        }
    }

    /** Runs submitted work until the future is done. */
    <T> T runUntilDone(CompletableFuture<T> f) {
        try {
            while (!f.isDone()) {
                Runnable r = ready.poll();
                if (r == null) {
                    r = inbox.take();
                }
                r.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return f.join();
    }
}
