package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

/** CPython 3.12's test_timeouts, for the {@code timeout(delay, body)} scope. */
class TimeoutTest extends LoopFixture {

    @Test
    void bodyFinishingInTimeGivesItsResult() {
        Timeout<String> t = timeout(5, sleep(1, "ok"));
        assertEquals("ok", loop.runUntilComplete(t));
        assertFalse(t.expired());
        assertEquals(5.0, t.when(), "the delay counts from entry, at loop time 0");
    }

    @Test
    void slowBodyRaisesTimeoutAtTheDeadline() {
        Timeout<String> t = timeout(2, sleep(10, "late"));
        AsyncTimeoutException e = assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(t));
        assertInstanceOf(CancellationException.class, e.getCause());
        assertTrue(t.expired());
        assertEquals(2.0, loop.time());
    }

    @Test
    void timeoutAtTakesAnAbsoluteDeadline() {
        clock.advance(100);
        Timeout<String> t = timeoutAt(103, sleep(10, "late"));
        assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(t));
        assertEquals(103.0, loop.time());
    }

    @Test
    void deadlineAlreadyPassedExpiresAtTheFirstSuspension() {
        clock.advance(10);
        assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(timeoutAt(5, sleep(1))));
        assertEquals(10.0, loop.time());
    }

    @Test
    void rescheduleMovesTheDeadline() {
        List<Timeout<String>> holder = new ArrayList<>();
        Timeout<String> t = timeout(1, extendThenSleep(holder));
        holder.add(t);
        assertEquals("extended", loop.runUntilComplete(t));
        assertEquals(3.0, loop.time());
        assertEquals(10.0, t.when());
    }

    @Async
    static Coroutine<String> extendThenSleep(List<Timeout<String>> holder) {
        holder.get(0).reschedule(getRunningLoop().time() + 10);
        await(sleep(3));
        return completed("extended");
    }

    @Test
    void rescheduleOutsideTheScopeIsRefused() {
        Timeout<Void> t = timeout(1, sleep(0));
        assertThrows(IllegalStateException.class, () -> t.reschedule(5));
        loop.runUntilComplete(t);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.reschedule(5));
        assertTrue(e.getMessage().contains("exited"), e.getMessage());
    }

    @Test
    void innerTimeoutExpiringFirstIsCaughtInsideTheOuterOne() {
        assertEquals("inner timed out", loop.runUntilComplete(timeout(10, nestedInnerExpires())));
        assertEquals(1.0, loop.time());
    }

    @Async
    static Coroutine<String> nestedInnerExpires() {
        try {
            await(timeout(1, sleep(5)));
        } catch (AsyncTimeoutException e) {
            return completed("inner timed out");
        }
        return completed("no timeout");
    }

    @Test
    void outerTimeoutExpiringFirstPassesThroughTheInnerOne() {
        List<String> log = new ArrayList<>();
        assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(timeout(1, nestedOuterExpires(log))));
        assertEquals(List.of("inner saw cancellation"), log);
        assertEquals(1.0, loop.time());
    }

    @Async
    static Coroutine<Void> nestedOuterExpires(List<String> log) {
        try {
            await(timeout(10, sleep(5)));
        } catch (CancellationException e) {
            log.add("inner saw cancellation");
            throw e;
        }
        return completed();
    }

    @Test
    void anExternalCancelAtTheSameTimeStaysACancellation() {
        Task<Void> t = loop.createTask(timeout(1, sleep(10)));
        loop.callLater(1, t::cancel);   // the same instant as the deadline (and its timer is older)
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.isCancelled(), "someone else also asked to cancel: not converted to a timeout");
    }

    @Test
    void bodySwallowingTheCancellationEndsNormally() {
        Timeout<String> t = timeout(1, TaskTest.catchCancel());
        assertEquals("caught: null", loop.runUntilComplete(t));
        assertTrue(t.expired());
    }

    @Test
    void nanDeadlineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> timeout(Double.NaN, sleep(1)));
    }

    @Test
    void theTimerIsDroppedWhenTheBodyEndsEarly() {
        loop.runUntilComplete(timeout(100, sleep(1)));
        runOnce();
        assertEquals(0, loop.scheduledTimerCount());
    }

    @Test
    void aTimeoutAroundATaskGroupCancelsItsChildrenAndRaisesTimeout() {
        List<String> log = new ArrayList<>();
        assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(timeout(1, groupOfSleepers(log))));
        assertEquals(List.of("a cancelled", "b cancelled"), log);
        assertEquals(1.0, loop.time());
    }

    @Async
    static Coroutine<Void> groupOfSleepers(List<String> log) {
        try (TaskGroup tg = new TaskGroup()) {
            tg.createTask(TaskGroupTest.logCancel(log, "a", 10));
            tg.createTask(TaskGroupTest.logCancel(log, "b", 10));
        }
        return completed();
    }

    @Test
    void cleanupAwaitsInsideTheBodyRunBeforeTheTimeoutSurfaces() {
        List<String> log = new ArrayList<>();
        assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(timeout(1, WaitForTest.slowWithCleanup(log))));
        assertEquals(List.of("cleanup"), log);
        assertEquals(3.0, loop.time());
    }
}
