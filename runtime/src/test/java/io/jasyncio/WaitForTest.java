package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

/** CPython 3.12's test_waitfor: results, timeouts that cancel and wait, timeout 0, outer cancellation. */
class WaitForTest extends LoopFixture {

    @Test
    void resultBeforeTheTimeout() {
        assertEquals("x", loop.runUntilComplete(waitFor(sleep(1, "x"), 5)));
        assertEquals(1.0, loop.time());
    }

    @Test
    void timeoutCancelsTheFutureAndRaises() {
        Future<String> f = resultLater(10, "late");
        AsyncTimeoutException e = assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(waitFor(f, 2)));
        assertInstanceOf(CancellationException.class, e.getCause());
        assertTrue(f.isCancelled());
        assertEquals(2.0, loop.time());
    }

    @Test
    void theInnerCoroutineFinishesItsCleanupBeforeTheTimeoutIsRaised() {
        List<String> log = new ArrayList<>();
        assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(logAfter(log, waitFor(slowWithCleanup(log), 1))));
        assertEquals(List.of("cleanup", "timeout seen"), log);
        assertEquals(3.0, loop.time(), "waitFor waited for the cleanup's own sleep");
    }

    @Async
    static Coroutine<Void> slowWithCleanup(List<String> log) {
        try {
            await(sleep(100));
        } finally {
            await(sleep(2));
            log.add("cleanup");
        }
        return completed();
    }

    @Async
    static Coroutine<Void> logAfter(List<String> log, Coroutine<Void> body) {
        try {
            await(body);
        } catch (AsyncTimeoutException e) {
            log.add("timeout seen");
            throw e;
        }
        return completed();
    }

    @Test
    void innerThatSwallowsTheCancellationGivesItsResult() {
        assertEquals("swallowed", loop.runUntilComplete(waitFor(swallow(), 1)));
    }

    @Async
    static Coroutine<String> swallow() {
        try {
            await(sleep(100));
        } catch (CancellationException e) {
            return completed("swallowed");
        }
        return completed("slept");
    }

    @Test
    void innerFailurePassesThroughUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(waitFor(failLater(1, boom), 5))));
    }

    @Test
    void zeroTimeoutReturnsTheResultOfADoneFuture() {
        Future<String> f = loop.createFuture();
        f.setResult("done");
        assertEquals("done", loop.runUntilComplete(waitFor(f, 0)));
    }

    @Test
    void zeroTimeoutCancelsAPendingFutureAndRaises() {
        Future<String> f = loop.createFuture();
        assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(waitFor(f, 0)));
        assertTrue(f.isCancelled());
    }

    @Test
    void zeroTimeoutNeverStartsACoroutine() {
        List<String> log = new ArrayList<>();
        assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(waitFor(TaskTest.appendTo(log, "ran"), 0)));
        assertEquals(List.of(), log);
    }

    @Test
    void negativeTimeoutActsAsZero() {
        Future<String> f = loop.createFuture();
        assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(waitFor(f, -1)));
        assertTrue(f.isCancelled());
    }

    @Test
    void cancellingTheCallerRaisesCancellationNotTimeout() {
        Future<String> inner = loop.createFuture();
        Task<String> t = loop.createTask(waitFor(inner, 10));
        runOnce();
        t.cancel();
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        assertTrue(inner.isCancelled());
        assertEquals(0.0, loop.time());
    }

    @Test
    void infiniteTimeoutWaitsForever() {
        assertEquals("x", loop.runUntilComplete(waitFor(sleep(1e6, "x"), Double.POSITIVE_INFINITY)));
    }

    @Test
    void nanTimeoutIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> waitFor(sleep(1), Double.NaN));
    }

    @Test
    void theTaskIsNotLeftCancellingAfterATimeout() {
        assertEquals(0, loop.runUntilComplete(cancellingAfterTimeout()));
    }

    @Async
    static Coroutine<Integer> cancellingAfterTimeout() {
        try {
            await(waitFor(sleep(10), 1));
            fail("expected a timeout");
        } catch (AsyncTimeoutException expected) {
            // the timeout withdrew its own cancellation request
        }
        await(sleep(1));   // and the task can still suspend normally
        return completed(currentTask().cancelling());
    }
}
