package io.jasyncio.samples.seed4;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 004, "coroutine 简单示例": awaiting coroutines one after the other runs them one after the other
 * (1 s, then 2 s: 3 s in all). The seed's copy drops the line that prints {@code what}; Python's
 * documentation, where the example comes from, prints it, and so does this sample.
 */
public final class SayAfter {
    /** Python's {@code time.strftime('%X')}. */
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private SayAfter() {
    }

    @Async
    public static Coroutine<Void> sayAfter(double delay, String what) {
        await(sleep(delay));
        System.out.println(what);
        return completed();
    }

    @Async
    public static Coroutine<Void> main() {
        System.out.println("started at " + LocalTime.now().format(CLOCK));
        await(sayAfter(1, "hello"));
        await(sayAfter(2, "world"));
        System.out.println("finished at " + LocalTime.now().format(CLOCK));
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
