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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Weaver bugs found and fixed, checked by hand where a shape of the catalogue cannot show them. The merged
 * inaccessible types (a restore cast to java.lang.AbstractStringBuilder) are now catalogued shapes:
 * {@code TrickyShapes.mergedTypeIsInaccessible} and {@code mergedArrayTypeIsInaccessible}. A bug found later
 * goes here first (enable its shape in the catalogue, public, once the weaver is fixed). Such bugs show only
 * when the await really suspends: the fast path (a done future) never restores anything.
 */
class WeaverBugsTest {
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
