package io.jasyncio.samples.seed3;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.ReturnWhen;
import io.jasyncio.Task;
import io.jasyncio.samples.Py;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 003, "asyncio.wait": six phases of 0 to 0.5 s, waited for with a 0.3 s timeout. The three that
 * finished come back as done, the rest as pending, which are then cancelled rather than left running.
 */
public final class WaitTimeout {
    private WaitTimeout() {
    }

    @Async
    public static Coroutine<String> phase(int i) {
        System.out.println("在步骤 " + i);
        try {
            await(sleep(0.1 * i));
        } catch (CancellationException e) {
            System.out.println("步骤 " + i + " 被取消");
            throw e;
        }
        System.out.println("步骤 " + i + " 完成");
        return completed("步骤 " + i + " 的结果");
    }

    @Async
    public static Coroutine<Void> main(int numPhases) {
        // wait takes futures: each phase becomes a task
        List<Task<String>> phases = new ArrayList<>();
        for (int i = 0; i < numPhases; i++) {
            phases.add(createTask(phase(i)));
        }
        System.out.println("等待所有步骤完成");

        var finished = await(Asyncio.wait(phases, 0.3, ReturnWhen.ALL_COMPLETED));
        System.out.println(finished.done().size() + " completed and " + finished.pending().size() + " pending");

        List<String> results = new ArrayList<>();
        for (Future<String> t : finished.done()) {
            results.add(t.result());
        }
        results.sort(null);   // done is a set: sort for a stable print
        System.out.println("结果: " + Py.repr(results));

        // still running after the timeout: cancel them, or they would run on (or be lost at close)
        if (!finished.pending().isEmpty()) {
            System.out.println("取消任务");
            for (Future<String> t : finished.pending()) {
                t.cancel();
            }
        }
        return completed();
    }

    public static void run(EventLoop loop) {
        try {
            loop.runUntilComplete(main(6));
        } finally {
            loop.close();
        }
    }

    public static void main(String[] args) {
        run(new EventLoop());
    }
}
