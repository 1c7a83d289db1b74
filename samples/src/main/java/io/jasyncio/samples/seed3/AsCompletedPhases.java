package io.jasyncio.samples.seed3;

import io.jasyncio.Async;
import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.samples.Py;
import java.util.ArrayList;
import java.util.List;

import static io.jasyncio.Asyncio.asCompleted;
import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 003, "asyncio.as_completed": each result is taken as soon as its phase finishes, not when all
 * have. Each element of the iteration is itself an awaitable that yields the next result to arrive.
 */
public final class AsCompletedPhases {
    private AsCompletedPhases() {
    }

    @Async
    public static Coroutine<String> phase(int i) {
        System.out.println("在步骤 " + i);
        await(sleep(1 * i));
        System.out.println("步骤 " + i + " 完成");
        return completed("步骤 " + i + " 的结果");
    }

    @Async
    public static Coroutine<List<String>> main(int numPhases) {
        List<Coroutine<String>> phases = new ArrayList<>();
        for (int i = 0; i < numPhases; i++) {
            phases.add(phase(i));
        }
        System.out.println("等待所有步骤完成");

        List<String> results = new ArrayList<>();
        for (Awaitable<String> nextToComplete : asCompleted(phases)) {
            String answer = await(nextToComplete);
            System.out.println("收到的结果: " + Py.repr(answer));
            results.add(answer);
        }
        return completed(results);
    }

    public static void run(EventLoop loop) {
        try {
            loop.runUntilComplete(main(4));
        } finally {
            loop.close();
        }
    }

    public static void main(String[] args) {
        run(new EventLoop());
    }
}
