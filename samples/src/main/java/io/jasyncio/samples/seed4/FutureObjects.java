package io.jasyncio.samples.seed4;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.samples.Py;
import java.util.List;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.getRunningLoop;

/**
 * Seed 004, "future 和 coroutine 同时使用" and the notes on Future objects: a future bridges callback
 * code and await. It is made with {@code loop.createFuture()} (so a loop can supply its own kind), a
 * callback sets its result, and a coroutine awaits it like any other awaitable. {@code nice()} plays the
 * seed's {@code @types.coroutine} function: an ordinary method whose result can be awaited.
 */
public final class FutureObjects {
    private FutureObjects() {
    }

    /** Returns a future that a timer callback completes, the way callback-based code reports a result. */
    static Future<String> functionThatReturnsAFutureObject() {
        Future<String> f = getRunningLoop().createFuture();
        getRunningLoop().callLater(1, () -> f.setResult("set by a callback"));
        return f;
    }

    /** Not a coroutine, yet awaitable: what it returns is a coroutine. */
    static Awaitable<String> nice() {
        return Asyncio.sleep(0.5, "this is an awaitable object!");
    }

    @Async
    public static Coroutine<Void> main() {
        System.out.println(await(functionThatReturnsAFutureObject()));

        // this is also valid: futures and coroutines gathered together
        List<String> both = await(gather(functionThatReturnsAFutureObject(), nice()));
        System.out.println(Py.repr(both));

        EventLoop loop = getRunningLoop();
        Future<Integer> f = loop.createFuture();
        loop.callSoon(() -> f.setResult(42));
        System.out.println("f: " + await(f) + ", done: " + f.isDone());
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
