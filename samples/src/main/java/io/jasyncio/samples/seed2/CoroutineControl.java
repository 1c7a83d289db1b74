package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.Future;
import io.jasyncio.ReturnWhen;
import io.jasyncio.Task;
import io.jasyncio.samples.Py;
import java.util.List;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.shield;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 002, §3.2: the coroutine controls: {@code sleep}; {@code gather} with
 * {@code return_exceptions=True}; {@code wait} with a timeout returning at the first completion; and
 * {@code shield}. {@code coro1} and {@code coro2} are the seed's placeholders, made concrete: one
 * succeeds after 1 s, the other fails after 3 s.
 */
public final class CoroutineControl {
    private CoroutineControl() {
    }

    @Async
    public static Coroutine<String> coro1() {
        await(sleep(1));
        return completed("coro1 result");
    }

    @Async
    public static Coroutine<String> coro2() {
        await(sleep(3));
        throw new IllegalArgumentException("coro2 failed");
    }

    @Async
    public static Coroutine<Void> main() {
        await(sleep(1));   // 3.2.1: sleep one second

        // 3.2.2: a failure becomes the exception object in the list instead of being thrown
        List<Object> results = await(gather(true, coro1(), coro2()));
        System.out.println(Py.repr(results));

        // 3.2.3: back after 1 s, when the first one is done
        var finished = await(Asyncio.wait(List.of(createTask(coro1()), createTask(coro2())), 2, ReturnWhen.FIRST_COMPLETED));
        System.out.println("done: " + finished.done().size() + ", pending: " + finished.pending().size());
        for (Future<String> t : finished.pending()) {
            t.cancel();
        }

        // 3.2.4: shield keeps the task from being cancelled along with whoever awaits it
        Task<String> task = createTask(coro1());
        System.out.println(await(shield(task)));
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
