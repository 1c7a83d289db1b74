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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A failure that woven code awaited (and caught) was retrieved: the loop must not report it as never retrieved. */
class RetrievedFailuresTest {
    @Async
    static Coroutine<String> awaitsAFailure(Src src) {
        try {
            await(src.fail(new IllegalStateException("awaited")));
            return completed("not reached");
        } catch (IllegalStateException e) {
            return completed("caught " + e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(LoopSrc.Mode.class)
    void anAwaitedFailureIsNotReportedAsNeverRetrieved(LoopSrc.Mode mode) {
        List<Object> reports = new ArrayList<>();
        EventLoop loop = new EventLoop(new VirtualClock());
        loop.setExceptionHandler((l, context) -> reports.add(context.get("message") + ": " + context.get("exception")));
        try {
            assertEquals("caught awaited", loop.runUntilComplete(loop.createTask(awaitsAFailure(new LoopSrc(loop, mode)))));
        } finally {
            loop.close();
        }
        assertEquals(List.of(), reports);
    }
}
