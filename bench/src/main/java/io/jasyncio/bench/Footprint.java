package io.jasyncio.bench;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Future;
import io.jasyncio.Task;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.getRunningLoop;
import static io.jasyncio.Asyncio.sleep;

/**
 * Workload 5's coroutines: tasks that sleep, and chains of frames suspended under one future. Each
 * measuring coroutine returns the retained heap with everything suspended minus the heap before
 * anything was created (the arrays that hold the tasks are allocated before the first reading).
 */
final class Footprint {
    static final double LONG_SLEEP = 3600;

    private Footprint() {
    }

    @Async
    static Coroutine<Void> sleeper() {
        await(sleep(LONG_SLEEP));
        return completed();
    }

    /** Bytes retained by {@code n} tasks each suspended in {@code sleep}. */
    @Async
    static Coroutine<Long> sleepingTasks(int n) {
        Task<?>[] tasks = new Task<?>[n];
        long before = Heap.retained();
        for (int i = 0; i < n; i++) {
            tasks[i] = createTask(sleeper());
        }
        await(sleep(0));   // every task has now run its first step and sits in its sleep
        long after = Heap.retained();
        for (Task<?> t : tasks) {
            t.cancel();
        }
        await(gather(true, tasks));
        return completed(after - before);
    }

    /** A chain of {@code depth + 1} frames; only {@code depth} (an int) is live across each await. */
    @Async
    static Coroutine<Integer> nest(int depth, Future<Integer> gate) {
        if (depth == 0) {
            return completed(await(gate));
        }
        int below = await(nest(depth - 1, gate));
        return completed(below + depth);
    }

    /** Bytes retained by {@code tasks} tasks each suspended at the bottom of a {@code depth}-deep chain. */
    @Async
    static Coroutine<Long> suspendedChains(int tasks, int depth) {
        Future<Integer> gate = getRunningLoop().createFuture();
        Task<?>[] all = new Task<?>[tasks];
        long before = Heap.retained();
        for (int i = 0; i < tasks; i++) {
            all[i] = createTask(nest(depth, gate));
        }
        await(sleep(0));
        long after = Heap.retained();
        gate.setResult(0);
        await(gather(all));
        return completed(after - before);
    }
}
