package io.jasyncio.bench;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.gather;

/** Workload 3: tasks created, run and completed; and one gather over many coroutines. */
final class Spawn {
    private Spawn() {
    }

    @Async
    static Coroutine<Integer> leaf(int i) {
        return completed(i);
    }

    /** Creates {@code n} tasks, then awaits each: create + schedule + step + complete + wake-up. */
    @Async
    static Coroutine<Long> createAndAwait(int n) {
        List<Task<Integer>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(createTask(leaf(i)));
        }
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(tasks.get(i));
        }
        return completed(sum);
    }

    /** {@code await gather(*[leaf(i) for i in range(n)])}: gather wraps each coroutine in a task. */
    @Async
    static Coroutine<Integer> gatherAll(int n) {
        List<Coroutine<Integer>> coros = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            coros.add(leaf(i));
        }
        List<Integer> results = await(gather(coros));
        return completed(results.size());
    }
}
