package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

/** CPython's test_tasks GatherTests: ordering, failures, cancellation both ways, duplicates. */
class GatherTest extends LoopFixture {

    @Test
    void resultsComeInArgumentOrderNotCompletionOrder() {
        Future<List<String>> g = gather(resultLater(3, "a"), resultLater(1, "b"), resultLater(2, "c"));
        assertEquals(List.of("a", "b", "c"), loop.runUntilComplete(g));
        assertEquals(3.0, loop.time());
    }

    @Test
    void coroutinesAreWrappedInTasksAndRunConcurrently() {
        assertEquals(List.of("x", "y"), loop.runUntilComplete(gatherSleeps()));
        assertEquals(2.0, loop.time(), "concurrent: the longest, not the sum");
    }

    @Async
    static Coroutine<List<String>> gatherSleeps() {
        return completed(await(gather(sleep(2, "x"), sleep(1, "y"))));
    }

    @Test
    void emptyGatherIsDoneAtOnce() {
        assertEquals(List.of(), loop.runUntilComplete(emptyGather()));
    }

    @Async
    static Coroutine<List<Object>> emptyGather() {
        Future<List<Object>> g = gather();
        assertTrue(g.isDone());
        return completed(await(g));
    }

    @Test
    void gatherOfDoneFuturesIsDoneWithoutALoopTrip() {
        Future<String> a = loop.createFuture();
        Future<String> b = loop.createFuture();
        a.setResult("a");
        b.setResult("b");
        Future<List<String>> g = gather(a, b);
        assertTrue(g.isDone());
        assertEquals(List.of("a", "b"), g.result());
    }

    @Test
    void firstFailureFailsTheGatherWhileTheOthersKeepRunning() {
        IllegalStateException boom = new IllegalStateException("boom");
        Future<String> slow = resultLater(5, "slow");
        Future<List<String>> g = gather(failLater(1, boom), slow);
        assertSame(boom, assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(g)));
        assertEquals(1.0, loop.time());
        assertFalse(slow.isDone(), "gather never cancels the others on a failure");
        assertEquals("slow", loop.runUntilComplete(slow));
    }

    @Test
    void returnExceptionsPutsFailuresInTheResults() {
        IllegalStateException boom = new IllegalStateException("boom");
        Future<List<Object>> g = gather(true, resultLater(2, "ok"), failLater(1, boom));
        List<Object> results = loop.runUntilComplete(g);
        assertEquals("ok", results.get(0));
        assertSame(boom, results.get(1));
        loop.close();
        assertEquals(List.of(), reportMessages(), "failures returned as values were retrieved");
    }

    @Test
    void aCancelledChildFailsTheGatherWithoutCancellingIt() {
        Future<Integer> a = loop.createFuture();
        Future<Integer> b = loop.createFuture();
        Future<Integer> c = loop.createFuture();
        Future<List<Integer>> g = gather(a, b, c);
        a.setResult(1);
        b.cancel();
        runOnce();
        assertTrue(g.isDone());
        assertFalse(g.isCancelled(), "CPython test_one_cancellation");
        assertInstanceOf(CancellationException.class, g.exception());
        c.setException(new RuntimeException("after the gather ended"));
        runOnce();
        loop.close();
        assertEquals(List.of(), reportMessages(), "a child failing after the gather ended is marked retrieved");
    }

    @Test
    void returnExceptionsGivesACancelledChildsCancellationAsItsEntry() {
        Future<Integer> a = loop.createFuture();
        Future<Integer> b = loop.createFuture();
        Future<List<Object>> g = gather(true, a, b);
        a.cancel("why");
        b.setResult(2);
        List<Object> results = loop.runUntilComplete(g);
        assertInstanceOf(CancellationException.class, results.get(0));
        assertEquals("why", ((CancellationException) results.get(0)).getMessage());
        assertEquals(2, results.get(1));
    }

    @Test
    void cancellingTheGatherCancelsEveryChild() {
        Future<Integer> a = loop.createFuture();
        Future<Integer> b = loop.createFuture();
        Future<List<Integer>> g = gather(a, b);
        assertTrue(g.cancel("stop"));
        assertTrue(a.isCancelled());
        assertTrue(b.isCancelled());
        CancellationException e = assertThrows(CancellationException.class, () -> loop.runUntilComplete(g));
        assertEquals("stop", e.getMessage());
    }

    @Test
    void cancellingAGatherWithReturnExceptionsStillRaisesCancellation() {
        Future<Integer> a = loop.createFuture();
        Future<Integer> b = loop.createFuture();
        Future<List<Object>> g = gather(true, a, b);
        assertTrue(g.cancel());
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(g), "bpo-32684");
    }

    @Test
    void cancellingAGatherWhoseChildrenAreDoneReturnsFalse() {
        Future<Integer> a = loop.createFuture();
        a.setResult(1);
        Future<Integer> b = loop.createFuture();
        Future<List<Integer>> g = gather(a, b);
        b.setResult(2);
        assertEquals(List.of(1, 2), loop.runUntilComplete(g));
        assertFalse(g.cancel());
    }

    @Test
    void cancellingTheAwaitingTaskCancelsTheChildren() {
        Task<List<String>> t = loop.createTask(gatherTwo());
        runOnce();
        runOnce();
        t.cancel();
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.isCancelled());
        assertEquals(0.0, loop.time(), "the children were cancelled, not waited for");
        assertEquals(List.of(), loop.allTasks());
    }

    @Async
    static Coroutine<List<String>> gatherTwo() {
        return completed(await(gather(sleep(10, "a"), sleep(20, "b"))));
    }

    @Test
    void aFuturePassedTwiceIsAwaitedOnceAndReportedTwice() {
        Future<String> a = resultLater(1, "a");
        Future<List<String>> g = gather(a, a, resultLater(2, "b"));
        assertEquals(List.of("a", "a", "b"), loop.runUntilComplete(g));
    }

    @Test
    void futuresOfDifferentLoopsAreRefused() {
        try (EventLoop other = new EventLoop(new VirtualClock())) {
            Future<String> a = loop.createFuture();
            Future<String> b = other.createFuture();
            assertThrows(IllegalArgumentException.class, () -> gather(a, b));
        }
    }

    @Test
    void gatherOfAListKeepsTheListsOrder() {
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fs.add(resultLater(5 - i, i));
        }
        assertEquals(List.of(0, 1, 2, 3, 4), loop.runUntilComplete(gather(fs)));
    }
}
