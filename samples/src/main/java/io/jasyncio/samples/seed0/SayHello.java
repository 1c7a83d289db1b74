package io.jasyncio.samples.seed0;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;

/** Seed 000, "Task 的作用和封装": a coroutine wrapped in a task, which the loop starts by itself. */
public final class SayHello {
    private SayHello() {
    }

    @Async
    public static Coroutine<Void> sayHello() {
        await(sleep(1));
        System.out.println("Hello");
        return completed();
    }

    @Async
    public static Coroutine<Void> main() {
        Task<Void> task = createTask(sayHello());   // wrapped into a Task: the loop schedules it now
        await(task);                                // waiting for it is a separate step
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
