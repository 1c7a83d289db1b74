package io.jasyncio.it.woven;

import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.getRunningLoop;
import static io.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.Async;
import io.jasyncio.AsyncCloseable;
import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import io.jasyncio.it.shapes.LoopSrc;
import io.jasyncio.it.shapes.ShapesTestAccess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shapes the weaver gets wrong today, kept out of the catalogue so the build stays green. Each names the
 * bug; enable it (and make the shape public, so the catalogue runs it) when the weaver is fixed. They fail
 * only when the await really suspends: the fast path (a done future) never restores anything.
 */
class WeaverBugsTest {
    @ParameterizedTest
    @EnumSource(LoopSrc.Mode.class)
    void aLocalWhoseMergedTypeIsInaccessibleSurvivesASuspension(LoopSrc.Mode mode) throws Exception {
        assertEquals("returned builder:7", ShapesTestAccess.runTricky("mergedTypeIsInaccessible", mode));
    }

    @ParameterizedTest
    @EnumSource(LoopSrc.Mode.class)
    void aLocalWhoseMergedArrayTypeIsInaccessibleSurvivesASuspension(LoopSrc.Mode mode) throws Exception {
        assertEquals("returned 1:b", ShapesTestAccess.runTricky("mergedArrayTypeIsInaccessible", mode));
    }

    /** Closing takes one virtual second. */
    record SlowClose(List<String> log) implements AsyncCloseable {
        @Override
        public Awaitable<?> closeAsync(Throwable failure) {
            log.add("closeAsync(" + failure + ")");
            return sleep(1);
        }
    }

    @Async
    static Coroutine<String> emptyBody(List<String> log) {
        try (SlowClose r = new SlowClose(log)) {
            // nothing here can throw, so javac emits a bare close() and no handler
        }
        return completed("after at " + getRunningLoop().time());
    }

    @Test
    void anEmptyAsyncWithBodyStillAwaitsCloseAsync() {
        List<String> log = new ArrayList<>();
        try (EventLoop loop = new EventLoop(new VirtualClock())) {
            assertEquals("after at 1.0", loop.runUntilComplete(loop.createTask(emptyBody(log))));
        }
        assertEquals(List.of("closeAsync(null)"), log);
    }
}
