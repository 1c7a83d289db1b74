package io.jasyncio.bench;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.sleep;

/**
 * Workload 4: pyperformance's {@code async_tree}: every node gathers {@link #BRANCHES} children,
 * {@link #LEVELS} levels deep (6^6 = 46,656 leaves, 55,986 tasks). Variant "none" does nothing at the
 * leaves; "io" sleeps {@link #IO_SLEEP} seconds at each leaf, as pyperformance's {@code mock_io_call}.
 */
final class AsyncTree {
    static final int LEVELS = 6;
    static final int BRANCHES = 6;
    static final double IO_SLEEP = 0.05;

    private AsyncTree() {
    }

    @Async
    static Coroutine<Void> recurse(int level, boolean io) {
        if (level == 0) {
            if (io) {
                await(sleep(IO_SLEEP));
            }
            return completed();
        }
        List<Coroutine<Void>> children = new ArrayList<>(BRANCHES);
        for (int i = 0; i < BRANCHES; i++) {
            children.add(recurse(level - 1, io));
        }
        await(gather(children));
        return completed();
    }

    /**
     * The same tree with CompletableFutures: each child starts as an async stage on the loop
     * executor (as gather makes a task of each coroutine), and a node completes with allOf.
     */
    static CompletableFuture<Void> recurseFutures(int level, boolean io, Executor loop) {
        if (level == 0) {
            if (io) {
                return CompletableFuture.runAsync(() -> { },
                        CompletableFuture.delayedExecutor((long) (IO_SLEEP * 1000), TimeUnit.MILLISECONDS, loop));
            }
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<?>[] children = new CompletableFuture<?>[BRANCHES];
        for (int i = 0; i < BRANCHES; i++) {
            children[i] = CompletableFuture.supplyAsync(() -> recurseFutures(level - 1, io, loop), loop)
                    .thenCompose(f -> f);
        }
        return CompletableFuture.allOf(children);
    }

    /** The same tree with a virtual thread per node, each joining its children. */
    static void recurseVirtual(int level, boolean io) {
        if (level == 0) {
            if (io) {
                try {
                    Thread.sleep((long) (IO_SLEEP * 1000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return;
        }
        Thread[] children = new Thread[BRANCHES];
        for (int i = 0; i < BRANCHES; i++) {
            children[i] = VirtualThreads.start(() -> recurseVirtual(level - 1, io));
        }
        for (Thread t : children) {
            VirtualThreads.join(t);
        }
    }
}
