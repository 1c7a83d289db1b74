package io.jasyncio.samples.seed1;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.ReturnWhen;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 001, "事件循环": driving a loop by hand with {@code runUntilComplete}: one coroutine, then
 * {@code wait} over two, then {@code gather} over two groups at once, then over two nested gathers.
 * Every round takes two seconds, however many coroutines it holds, because they all sleep together.
 */
public final class RunUntilComplete {
    private RunUntilComplete() {
    }

    /** The seed's {@code testAsync}; a blocking {@code Thread.sleep(2000)} here would cost 2 s per call. */
    @Async
    public static Coroutine<String> testAsync() {
        System.out.println("this is a test for async");
        await(sleep(2));
        System.out.println("test again");
        return completed("lixingyun");
    }

    /**
     * Python's {@code [testAsync() for i in range(n)]} handed to a loop that is not running yet: the loop
     * wraps each coroutine in a task ({@code ensure_future}), as {@code wait} and {@code gather} need.
     */
    static List<Task<String>> tasks(EventLoop loop, int n) {
        List<Task<String>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(loop.createTask(testAsync()));
        }
        return tasks;
    }

    public static void run(EventLoop loop) {
        double start = loop.time();
        loop.runUntilComplete(testAsync());
        System.out.println("耗时: " + (loop.time() - start));

        // ten coroutines would still take 2 s; ten blocking sleeps would take 20
        start = loop.time();
        loop.runUntilComplete(Asyncio.wait(tasks(loop, 2), ReturnWhen.ALL_COMPLETED));
        System.out.println("耗时: " + (loop.time() - start));

        // gather does all wait does, and also groups: two groups run together
        start = loop.time();
        List<Task<String>> group1 = tasks(loop, 2);
        List<Task<String>> group2 = tasks(loop, 2);
        List<Task<String>> both = new ArrayList<>(group1);
        both.addAll(group2);
        loop.runUntilComplete(gather(both));
        System.out.println("耗时: " + (loop.time() - start));

        // or gather each group, then gather the groups
        start = loop.time();
        Future<List<String>> group3 = gather(tasks(loop, 2));
        Future<List<String>> group4 = gather(tasks(loop, 2));
        loop.runUntilComplete(gather(group3, group4));
        System.out.println("耗时: " + (loop.time() - start));
    }

    public static void main(String[] args) {
        try (EventLoop loop = new EventLoop()) {
            run(loop);
        }
    }
}
