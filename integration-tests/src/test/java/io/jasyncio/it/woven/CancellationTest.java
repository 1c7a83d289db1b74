package io.jasyncio.it.woven;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.getRunningLoop;
import static io.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cancellation arrives as a CancellationException thrown at the suspended await, inside the user's try
 * regions: finally blocks run innermost first (and may await), a catch may swallow it, and an await
 * chain unwinds child before parent.
 */
class CancellationTest {
    private final List<String> log = new ArrayList<>();
    private final EventLoop loop = new EventLoop(new VirtualClock());

    @AfterEach
    void close() {
        loop.close();
    }

    /** Runs the loop until everything ready has run and the clock reached {@code time}. */
    private void runUntil(double time) {
        loop.runUntilComplete(loop.createTask(sleep(time - loop.time())));
    }

    @Async
    Coroutine<String> worker(Future<String> gate) {
        try {
            try {
                log.add("waiting");
                String v = await(gate);
                log.add("got " + v);
                return completed(v);
            } finally {
                log.add("inner finally");
                await(sleep(1));
                log.add("inner finally resumed at " + getRunningLoop().time());
            }
        } finally {
            log.add("outer finally");
        }
    }

    @Test
    void finallyBlocksRunInnermostFirstAndMayAwait() {
        Future<String> gate = loop.createFuture();
        Task<String> task = loop.createTask(worker(gate));
        runUntil(2);
        assertEquals(List.of("waiting"), log);
        assertTrue(task.cancel());
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(task));
        assertTrue(task.isCancelled());
        assertTrue(gate.isCancelled(), "the awaited future is cancelled with the task");
        assertEquals(List.of("waiting", "inner finally", "inner finally resumed at 3.0", "outer finally"), log);
    }

    @Async
    Coroutine<String> swallower(Future<String> gate) {
        try {
            await(gate);
            log.add("not reached");
        } catch (CancellationException e) {
            log.add("caught at the await");
        }
        await(sleep(1));
        return completed("survived at " + getRunningLoop().time());
    }

    @Test
    void aCatchAtTheAwaitSiteMaySwallowTheCancellation() {
        Task<String> task = loop.createTask(swallower(loop.createFuture()));
        runUntil(5);
        task.cancel();
        assertEquals("survived at 6.0", loop.runUntilComplete(task));
        assertFalse(task.isCancelled());
        assertEquals(1, task.cancelling());
        assertEquals(List.of("caught at the await"), log);
    }

    @Async
    Coroutine<Long> child(int depth) {
        try {
            if (depth == 0) {
                await(sleep(1000));
                return completed(0L);
            }
            long wide = 1L << 40;   // a long live across the await
            return completed(wide + await(child(depth - 1)));
        } finally {
            log.add("child " + depth + " finally");
        }
    }

    @Async
    Coroutine<String> parent() {
        try {
            return completed("got " + await(child(3)));
        } catch (CancellationException e) {
            log.add("parent sees cancellation");
            throw e;
        } finally {
            log.add("parent finally");
        }
    }

    @Test
    void anAwaitChainUnwindsFromTheInnermostFrame() {
        Task<String> task = loop.createTask(parent());
        runUntil(10);
        List<String> chain = task.awaitChain().stream()
                .map(f -> f.getClass().getName().substring(CancellationTest.class.getPackageName().length() + 1))
                .filter(n -> n.startsWith("CancellationTest$")).toList();
        assertEquals(List.of("CancellationTest$child$Coroutine", "CancellationTest$child$Coroutine", "CancellationTest$child$Coroutine",
                "CancellationTest$child$Coroutine", "CancellationTest$parent$Coroutine"), chain, "innermost first");
        task.cancel("stop");
        CancellationException e = assertThrows(CancellationException.class, () -> loop.runUntilComplete(task));
        assertEquals("stop", e.getMessage());
        assertEquals(List.of("child 0 finally", "child 1 finally", "child 2 finally", "child 3 finally",
                "parent sees cancellation", "parent finally"), log);
    }
}
