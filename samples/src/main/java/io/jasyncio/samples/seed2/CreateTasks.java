package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;

/** Seed 002, §2.2: two tasks start at once, so both say Hello before either says World (1 s in all). */
public final class CreateTasks {
    private CreateTasks() {
    }

    @Async
    public static Coroutine<Void> main() {
        Task<Void> task1 = createTask(HelloWorld.helloWorld());
        Task<Void> task2 = createTask(HelloWorld.helloWorld());
        await(task1);
        await(task2);
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
