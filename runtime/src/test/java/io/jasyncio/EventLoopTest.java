package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** CPython's test_events / test_base_events, for the loop itself: scheduling, timers, running, errors. */
class EventLoopTest extends LoopFixture {

    @Test
    void callSoonRunsCallbacksInFifoOrder() {
        List<Integer> log = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            loop.callSoon(() -> log.add(n));
        }
        runOnce();
        assertEquals(List.of(0, 1, 2, 3, 4), log);
    }

    @Test
    void callbacksScheduledDuringAnIterationRunInTheNextOne() {
        List<String> log = new ArrayList<>();
        loop.callSoon(() -> {
            log.add("a");
            loop.callSoon(() -> log.add("b"));
            loop.stop();
        });
        loop.runForever();
        assertEquals(List.of("a"), log, "b was scheduled during the iteration that stopped the loop");
        runOnce();
        assertEquals(List.of("a", "b"), log);
    }

    @Test
    void stopBeforeRunForeverRunsOneIteration() {
        List<String> log = new ArrayList<>();
        loop.stop();
        loop.callSoon(() -> log.add("ran"));
        loop.runForever();
        assertEquals(List.of("ran"), log);
        assertFalse(loop.isRunning());
    }

    @Test
    void cancelledHandleDoesNotRun() {
        List<String> log = new ArrayList<>();
        Handle h = loop.callSoon(() -> log.add("cancelled one"));
        loop.callSoon(() -> log.add("other"));
        h.cancel();
        assertTrue(h.isCancelled());
        runOnce();
        assertEquals(List.of("other"), log);
    }

    @Test
    void timersFireInDeadlineOrderAndEqualDeadlinesFirstComeFirstServed() {
        List<String> log = new ArrayList<>();
        loop.callLater(2, () -> log.add("2"));
        loop.callLater(1, () -> log.add("1a"));
        loop.callLater(1, () -> log.add("1b"));
        loop.callLater(0.5, () -> log.add("0.5"));
        loop.runUntilComplete(resultLater(3, null));
        assertEquals(List.of("0.5", "1a", "1b", "2"), log);
    }

    @Test
    void virtualClockJumpsToTheNextTimerExactly() {
        AtomicReference<Double> firedAt = new AtomicReference<>();
        loop.callLater(3600, () -> firedAt.set(loop.time()));
        loop.runUntilComplete(resultLater(3600, null));
        assertEquals(3600.0, firedAt.get());
        assertEquals(3600.0, loop.time());
    }

    @Test
    void callAtInThePastRunsOnTheNextIteration() {
        clock.advance(10);
        List<String> log = new ArrayList<>();
        TimerHandle t = loop.callAt(5, () -> log.add("late"));
        assertEquals(5.0, t.when());
        runOnce();
        assertEquals(List.of("late"), log);
    }

    @Test
    void cancelledTimerNeverFiresAndIsDroppedFromTheHeap() {
        List<String> log = new ArrayList<>();
        TimerHandle t = loop.callLater(1, () -> log.add("cancelled"));
        loop.callLater(2, () -> log.add("kept"));
        t.cancel();
        assertTrue(t.isCancelled());
        loop.runUntilComplete(resultLater(3, null));
        assertEquals(List.of("kept"), log);
        assertEquals(0, loop.scheduledTimerCount());
    }

    @Test
    void heapIsCompactedWhenMostTimersAreCancelled() {
        List<TimerHandle> handles = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            handles.add(loop.callLater(100 + i, () -> { }));
        }
        for (int i = 0; i < 200; i++) {
            handles.get(i + 50).cancel();
        }
        assertTrue(loop.scheduledTimerCount() <= 150, "a heap over half cancelled is rebuilt; size " + loop.scheduledTimerCount());
        int fired = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (!handles.get(i).isCancelled()) {
                fired++;
            }
        }
        assertEquals(100, fired);
        for (int i = 0; i < 300; i++) {
            int n = i;
            if (!handles.get(i).isCancelled()) {
                handles.get(i).cancel();
                loop.callAt(handles.get(i).when(), () -> order.add(n));
            }
        }
        loop.runUntilComplete(resultLater(1000, null));
        assertEquals(100, order.size());
        for (int i = 1; i < order.size(); i++) {
            assertTrue(order.get(i - 1) < order.get(i), "timers still fire in deadline order after compaction");
        }
    }

    @Test
    void callLaterRejectsNaN() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loop.callLater(Double.NaN, () -> { }));
        assertTrue(e.getMessage().contains("NaN"));
    }

    @Test
    void runUntilCompleteReturnsTheResult() {
        assertEquals("done", loop.runUntilComplete(resultLater(1, "done")));
    }

    @Test
    void runUntilCompleteOfAFutureAlreadyDoneRunsOneIterationAndReturns() {
        Future<String> done = loop.createFuture();
        done.setResult("already");
        List<String> ran = new ArrayList<>();
        loop.callSoon(() -> ran.add("scheduled before"));
        loop.callLater(3600, () -> ran.add("an hour later"));
        assertEquals("already", loop.runUntilComplete(done));
        assertEquals(List.of("scheduled before"), ran, "one iteration, no waiting for the timer");
        assertEquals(0.0, loop.time());
    }

    @Test
    void runUntilCompleteThrowsTheFailureUnwrapped() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(failLater(1, boom)));
        assertSame(boom, thrown);
        loop.close();
        assertEquals(List.of(), reportMessages(), "the failure was retrieved by runUntilComplete");
    }

    @Test
    void runUntilCompleteRunsACoroutineAsATask() {
        assertEquals("slept", loop.runUntilComplete(Asyncio.sleep(5, "slept")));
        assertEquals(5.0, loop.time());
    }

    @Test
    void loopStoppedBeforeTheFutureCompletesIsAnError() {
        Future<String> never = loop.createFuture();
        loop.callSoon(loop::stop);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(never));
        assertTrue(e.getMessage().contains("stopped before Future completed"), e.getMessage());
    }

    @Test
    void runUntilCompleteRejectsAFutureOfAnotherLoop() {
        try (EventLoop other = new EventLoop(new VirtualClock())) {
            Future<Object> f = other.createFuture();
            assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(f));
        }
    }

    @Test
    void nestedRunIsRefused() {
        AtomicReference<Throwable> nested = new AtomicReference<>();
        loop.callSoon(() -> {
            try {
                loop.runUntilComplete(loop.createFuture());
            } catch (Throwable t) {
                nested.set(t);
            }
        });
        runOnce();
        assertInstanceOf(IllegalStateException.class, nested.get());
        assertTrue(nested.get().getMessage().contains("already running"), nested.get().getMessage());
    }

    @Test
    void onlyOneRunningLoopPerThread() {
        AtomicReference<Throwable> nested = new AtomicReference<>();
        try (EventLoop other = new EventLoop(new VirtualClock())) {
            loop.callSoon(() -> {
                try {
                    other.runForever();
                } catch (Throwable t) {
                    nested.set(t);
                }
            });
            runOnce();
        }
        assertInstanceOf(IllegalStateException.class, nested.get());
        assertTrue(nested.get().getMessage().contains("another loop is running"), nested.get().getMessage());
    }

    @Test
    void isRunningAndGetRunningLoopInsideACallback() {
        AtomicReference<EventLoop> running = new AtomicReference<>();
        List<Boolean> states = new ArrayList<>();
        loop.callSoon(() -> {
            states.add(loop.isRunning());
            running.set(Asyncio.getRunningLoop());
        });
        runOnce();
        states.add(loop.isRunning());
        assertEquals(List.of(true, false), states);
        assertSame(loop, running.get());
        IllegalStateException e = assertThrows(IllegalStateException.class, Asyncio::getRunningLoop);
        assertTrue(e.getMessage().contains("no running event loop"));
    }

    @Test
    void callbackExceptionGoesToTheHandlerAndTheLoopKeepsRunning() {
        List<String> log = new ArrayList<>();
        RuntimeException boom = new RuntimeException("boom");
        loop.callSoon(() -> {
            throw boom;
        });
        loop.callSoon(() -> log.add("next"));
        runOnce();
        assertEquals(List.of("next"), log);
        assertEquals(1, reports.size());
        assertSame(boom, reports.get(0).get("exception"));
        assertTrue(reportMessages().get(0).startsWith("Exception in callback"), reportMessages().get(0));
        assertNotNull(reports.get(0).get("handle"));
    }

    @Test
    void failingExceptionHandlerFallsBackToTheDefaultAndTheLoopGoesOn() {
        List<String> log = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> {
            throw new IllegalStateException("handler broken");
        });
        loop.callSoon(() -> {
            throw new RuntimeException("boom");
        });
        loop.callSoon(() -> log.add("next"));
        runOnce();
        assertEquals(List.of("next"), log);
    }

    @Test
    void closedLoopRefusesWork() {
        loop.close();
        assertTrue(loop.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.callSoon(() -> { }));
        assertEquals("Event loop is closed", e.getMessage());
        assertThrows(IllegalStateException.class, () -> loop.callLater(1, () -> { }));
        assertThrows(IllegalStateException.class, () -> loop.runForever());
        assertThrows(IllegalStateException.class, () -> loop.callSoonThreadsafe(() -> { }));
        assertThrows(IllegalStateException.class, () -> loop.createTask(Asyncio.sleep(1)));
        loop.close();   // closing twice is harmless
    }

    @Test
    void runningLoopCannotBeClosed() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        loop.callSoon(() -> {
            try {
                loop.close();
            } catch (Throwable t) {
                error.set(t);
            }
        });
        runOnce();
        assertInstanceOf(IllegalStateException.class, error.get());
        assertFalse(loop.isClosed());
    }

    @Test
    void callSoonThreadsafeWakesALoopWaitingInTheSelector() throws Exception {
        try (EventLoop real = new EventLoop()) {
            Future<String> f = real.createFuture();
            CountDownLatch waiting = new CountDownLatch(1);
            real.callSoon(waiting::countDown);
            Thread other = new Thread(() -> {
                try {
                    waiting.await();
                } catch (InterruptedException e) {
                    return;
                }
                String from = "from " + Thread.currentThread().getName();
                real.callSoonThreadsafe(() -> f.setResult(from));
            }, "helper");
            other.start();
            // Nothing is scheduled after the first callback: the loop blocks in select until woken.
            assertEquals("from helper", real.runUntilComplete(f));
            other.join();
        }
    }

    @Test
    void callSoonThreadsafeCallbacksRunOnTheLoopThread() throws Exception {
        Future<Thread> f = loop.createFuture();
        Thread other = new Thread(() -> loop.callSoonThreadsafe(() -> f.setResult(Thread.currentThread())));
        other.start();
        other.join();
        assertSame(Thread.currentThread(), loop.runUntilComplete(f));
    }

    @Test
    void pendingTaskAtCloseIsReportedAsDestroyedButPending() {
        Task<Void> t = loop.createTask(Asyncio.sleep(100));
        runOnce();
        loop.close();
        assertEquals(List.of("Task was destroyed but it is pending!"), reportMessages());
        assertSame(t, reports.get(0).get("task"));
    }

    @Test
    void closeDropsPendingCallbacksAndTimers() {
        List<String> log = new ArrayList<>();
        loop.callSoon(() -> log.add("soon"));
        loop.callLater(1, () -> log.add("later"));
        loop.close();
        assertEquals(List.of(), log);
        assertEquals(0, loop.scheduledTimerCount());
    }

    @Test
    void exceptionHandlerCanBeReplacedAndRestored() {
        EventLoop.ExceptionHandler h = (l, c) -> { };
        loop.setExceptionHandler(h);
        assertSame(h, loop.getExceptionHandler());
        loop.setExceptionHandler(null);
        assertNull(loop.getExceptionHandler());
    }
}
