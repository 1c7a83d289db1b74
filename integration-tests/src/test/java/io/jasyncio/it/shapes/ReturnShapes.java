package io.jasyncio.it.shapes;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

/**
 * What an @Async method may return: {@code completed(x)} directly, through a local or a finally,
 * another coroutine (a call, a parameter, a local), and {@code completed(x)} used as a value.
 */
public final class ReturnShapes {
    private ReturnShapes() {
    }

    @Async
    static Coroutine<Integer> child(Src src, int x) {
        return completed(x + await(src.v(1)));
    }

    @Async
    static <T> Coroutine<T> passThrough(Coroutine<T> c) {
        return c;
    }

    @Async
    static Coroutine<Integer> viaLocal(Src src, boolean early) {
        Coroutine<Integer> r = early ? completed(await(src.v(5))) : child(src, 10);
        await(src.v("between"));
        return r;
    }

    @Async
    static Coroutine<String> returnFromTryThroughAwaitingFinally(Src src, StringBuilder log) {
        try {
            log.append("try;");
            return completed("from try " + await(src.v(1)));
        } finally {
            log.append("finally ").append(await(src.v(2))).append(';');
        }
    }

    @Async
    static Coroutine<String> finallyReplacesTheReturn(Src src) {
        try {
            return completed("from try " + await(src.v(1)));
        } finally {
            if (await(src.v(true))) {
                return completed("from finally");
            }
        }
    }

    @Async
    static Coroutine<Void> nothing(Src src, StringBuilder log) {
        for (int i = 0; i < 5; i++) {
            try {
                if (i == await(src.v(2))) {
                    return completed();
                }
                log.append(i);
            } finally {
                log.append(';');
            }
        }
        return null;
    }

    @Async
    public static Coroutine<String> returnsOfEveryKind(Src src) {
        StringBuilder log = new StringBuilder();
        Coroutine<Integer> ready = completed(3);
        int a = await(ready);
        int b = await(passThrough(child(src, 20)));
        int c = await(viaLocal(src, true)) + await(viaLocal(src, false));
        String d = await(returnFromTryThroughAwaitingFinally(src, log));
        String e = await(finallyReplacesTheReturn(src));
        Void f = await(nothing(src, log));
        return completed(a + "," + b + "," + c + "," + d + "," + e + "," + f + "," + log);
    }
}
