package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

/** CPython's test_tasks wait tests: the three ReturnWhen modes, timeouts, and that wait cancels nothing. */
class WaitTest extends LoopFixture {

    @Test
    void allCompletedWaitsForEveryFuture() {
        Future<String> a = resultLater(1, "a");
        Future<String> b = resultLater(3, "b");
        WaitResult<String> r = loop.runUntilComplete(Asyncio.wait(List.of(a, b), ReturnWhen.ALL_COMPLETED));
        assertEquals(Set.of(a, b), r.done());
        assertEquals(Set.of(), r.pending());
        assertEquals(3.0, loop.time());
    }

    @Test
    void firstCompletedReturnsAtTheFirstAndCancelsNothing() {
        Future<String> a = resultLater(1, "a");
        Future<String> b = resultLater(3, "b");
        WaitResult<String> r = loop.runUntilComplete(Asyncio.wait(List.of(a, b), ReturnWhen.FIRST_COMPLETED));
        assertEquals(Set.of(a), r.done());
        assertEquals(Set.of(b), r.pending());
        assertEquals(1.0, loop.time());
        assertFalse(b.isCancelled());
        assertEquals("b", loop.runUntilComplete(b));
    }

    @Test
    void firstCompletedCountsACancellation() {
        Future<String> a = loop.createFuture();
        Future<String> b = resultLater(3, "b");
        loop.callLater(1, a::cancel);
        WaitResult<String> r = loop.runUntilComplete(Asyncio.wait(List.of(a, b), ReturnWhen.FIRST_COMPLETED));
        assertEquals(Set.of(a), r.done());
    }

    @Test
    void firstExceptionReturnsAtTheFirstFailure() {
        Future<String> ok = resultLater(1, "ok");
        Future<String> bad = failLater(2, new IllegalStateException("bad"));
        Future<String> slow = resultLater(5, "slow");
        WaitResult<String> r = loop.runUntilComplete(Asyncio.wait(List.of(ok, bad, slow), ReturnWhen.FIRST_EXCEPTION));
        assertEquals(Set.of(ok, bad), r.done());
        assertEquals(Set.of(slow), r.pending());
        assertEquals(2.0, loop.time());
        loop.close();
        assertEquals(List.of(), reportMessages(), "wait looked at the failure (CPython calls f.exception())");
    }

    @Test
    void firstExceptionWithoutFailuresWaitsForAll() {
        Future<String> a = resultLater(1, "a");
        Future<String> b = resultLater(2, "b");
        WaitResult<String> r = loop.runUntilComplete(Asyncio.wait(List.of(a, b), ReturnWhen.FIRST_EXCEPTION));
        assertEquals(Set.of(a, b), r.done());
        assertEquals(2.0, loop.time());
    }

    @Test
    void firstExceptionDoesNotTreatACancellationAsAFailure() {
        Future<String> a = loop.createFuture();
        Future<String> b = resultLater(3, "b");
        loop.callLater(1, a::cancel);
        WaitResult<String> r = loop.runUntilComplete(Asyncio.wait(List.of(a, b), ReturnWhen.FIRST_EXCEPTION));
        assertEquals(Set.of(a, b), r.done());
        assertEquals(3.0, loop.time());
    }

    @Test
    void timeoutReturnsWhatIsDoneAndCancelsNothing() {
        Future<String> a = resultLater(1, "a");
        Future<String> b = resultLater(10, "b");
        WaitResult<String> r = loop.runUntilComplete(Asyncio.wait(List.of(a, b), 5, ReturnWhen.ALL_COMPLETED));
        assertEquals(Set.of(a), r.done());
        assertEquals(Set.of(b), r.pending());
        assertEquals(5.0, loop.time());
        assertFalse(b.isDone());
    }

    @Test
    void finishingBeforeTheTimeoutReturnsEarlyAndDropsTheTimer() {
        Future<String> a = resultLater(1, "a");
        WaitResult<String> r = loop.runUntilComplete(Asyncio.wait(List.of(a), 5, ReturnWhen.ALL_COMPLETED));
        assertEquals(Set.of(a), r.done());
        assertEquals(1.0, loop.time());
        runOnce();
        assertEquals(0, loop.scheduledTimerCount());
    }

    @Test
    void alreadyDoneFuturesAreInTheDoneSet() {
        Future<String> a = loop.createFuture();
        a.setResult("a");
        WaitResult<String> r = loop.runUntilComplete(Asyncio.wait(List.of(a), ReturnWhen.FIRST_COMPLETED));
        assertEquals(Set.of(a), r.done());
    }

    @Test
    void aFutureGivenTwiceCountsOnce() {
        Future<String> a = resultLater(1, "a");
        WaitResult<String> r = loop.runUntilComplete(Asyncio.wait(List.of(a, a), ReturnWhen.ALL_COMPLETED));
        assertEquals(Set.of(a), r.done());
        assertEquals(1.0, loop.time());
    }

    @Test
    void emptyCollectionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Asyncio.wait(List.<Future<String>>of(), ReturnWhen.ALL_COMPLETED));
        assertTrue(e.getMessage().contains("empty"));
    }

    @Test
    void nanTimeoutIsRefused() {
        Future<String> a = loop.createFuture();
        assertThrows(IllegalArgumentException.class, () -> Asyncio.wait(List.of(a), Double.NaN, ReturnWhen.ALL_COMPLETED));
    }

    @Test
    void cancellingTheWaiterLeavesTheFuturesAlone() {
        Future<String> a = loop.createFuture();
        Task<WaitResult<String>> t = loop.createTask(Asyncio.wait(List.of(a), ReturnWhen.ALL_COMPLETED));
        runOnce();
        t.cancel();
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        assertFalse(a.isDone(), "wait never cancels what it waits for");
        a.setResult("late");
        runOnce();
    }

    @Test
    void waitingOnTasksInsideACoroutine() {
        assertEquals(List.of(1, 1), loop.runUntilComplete(waitForTasks()));
    }

    @Async
    static Coroutine<List<Integer>> waitForTasks() {
        Task<String> fast = createTask(sleep(1, "fast"));
        Task<String> slow = createTask(sleep(2, "slow"));
        WaitResult<String> r = await(Asyncio.wait(List.of(fast, slow), ReturnWhen.FIRST_COMPLETED));
        assertEquals("fast", r.done().iterator().next().result());
        slow.cancel();
        return completed(List.of(r.done().size(), r.pending().size()));
    }
}
