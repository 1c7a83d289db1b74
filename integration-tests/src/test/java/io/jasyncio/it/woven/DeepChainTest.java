package io.jasyncio.it.woven;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import io.jasyncio.it.shapes.LoopSrc;
import io.jasyncio.it.shapes.Src;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 100,000-deep await chains neither overflow the Java stack nor lose values or failures on the way up. */
class DeepChainTest {
    private static final int DEPTH = 100_000;

    @Async
    static Coroutine<Long> chain(Src src, int n) {
        if (n == 0) {
            return completed((long) await(src.v(0)));
        }
        return completed(1 + await(chain(src, n - 1)));
    }

    @Async
    static Coroutine<Long> awaitsOnBothSides(Src src, int n) {
        if (n == 0) {
            return completed(0L);
        }
        int before = await(src.v(1));
        long below = await(awaitsOnBothSides(src, n - 1));
        return completed(below + before + (n % 2 == 0 ? await(src.v(1)) : 0));
    }

    @Async
    static Coroutine<Long> failsAtTheBottom(Src src, int n) {
        if (n == 0) {
            return completed(await(src.<Long>fail(new IllegalStateException("bottom"))));
        }
        return completed(await(failsAtTheBottom(src, n - 1)));
    }

    @Async
    static Coroutine<String> catchesAtTheTop(Src src) {
        try {
            return completed("no failure " + await(failsAtTheBottom(src, DEPTH)));
        } catch (IllegalStateException e) {
            return completed("caught " + e.getMessage());
        }
    }

    private static Object run(java.util.function.Function<Src, Coroutine<?>> main, LoopSrc.Mode mode) {
        try (EventLoop loop = new EventLoop(new VirtualClock())) {
            return loop.runUntilComplete(loop.createTask(main.apply(new LoopSrc(loop, mode))));
        }
    }

    @ParameterizedTest
    @EnumSource(value = LoopSrc.Mode.class, names = {"IMMEDIATE", "SOON", "SLEEP"})
    void aHundredThousandDeepChainCompletes(LoopSrc.Mode mode) {
        assertEquals((long) DEPTH, run(src -> chain(src, DEPTH), mode));
    }

    @ParameterizedTest
    @EnumSource(value = LoopSrc.Mode.class, names = {"IMMEDIATE", "SOON"})
    void everyLevelSuspendingOnTheWayDownAndUp(LoopSrc.Mode mode) {
        assertEquals((long) DEPTH + DEPTH / 2, run(src -> awaitsOnBothSides(src, DEPTH), mode));
    }

    @ParameterizedTest
    @EnumSource(value = LoopSrc.Mode.class, names = {"IMMEDIATE", "SOON"})
    void aFailureAtTheBottomReachesTheTopUnwrapped(LoopSrc.Mode mode) {
        assertEquals("caught bottom", run(DeepChainTest::catchesAtTheTop, mode));
    }
}
