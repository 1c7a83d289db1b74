package io.jasyncio.samples.seed3;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.samples.Py;
import java.util.List;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.sleep;

/** Seed 003, "asyncio.gather": the results come back as one list, in argument order (2 s in all). */
public final class GatherPhases {
    private GatherPhases() {
    }

    @Async
    public static Coroutine<String> phase1() {
        await(sleep(2));
        return completed("phase1 result");
    }

    @Async
    public static Coroutine<String> phase2() {
        await(sleep(1));
        return completed("phase2 result");
    }

    @Async
    public static Coroutine<Void> main() {
        System.out.println("waiting for phases to complete");
        List<String> results = await(gather(phase1(), phase2()));
        System.out.println("results: " + Py.repr(results));
        return completed();
    }

    public static void run(EventLoop loop) {
        try {
            loop.runUntilComplete(main());
        } finally {
            loop.close();
        }
    }

    public static void main(String[] args) {
        run(new EventLoop());
    }
}
