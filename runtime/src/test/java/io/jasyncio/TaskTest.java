package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

/** CPython's test_tasks (the Task part): running, cancelling, names, reports, the await chain. */
class TaskTest extends LoopFixture {

    @Async
    static Coroutine<String> greet(String who) {
        await(sleep(1));
        return completed("hello " + who);
    }

    @Async
    static Coroutine<Integer> immediate(int n) {
        return completed(n);
    }

    @Test
    void taskRunsItsCoroutineToItsResult() {
        Task<String> t = loop.createTask(greet("task"));
        assertFalse(t.isDone());
        assertEquals("hello task", loop.runUntilComplete(t));
        assertTrue(t.isDone());
        assertEquals(1.0, loop.time());
    }

    @Test
    void creatingATaskRunsNothingUntilTheLoopDoes() {
        List<String> log = new ArrayList<>();
        Task<Void> t = loop.createTask(appendTo(log, "ran"));
        assertEquals(List.of(), log);
        loop.runUntilComplete(t);
        assertEquals(List.of("ran"), log);
    }

    @Async
    static Coroutine<Void> appendTo(List<String> log, String entry) {
        log.add(entry);
        return completed();
    }

    @Test
    void callingAnAsyncMethodRunsNothing() {
        List<String> log = new ArrayList<>();
        Coroutine<Void> c = appendTo(log, "ran");
        assertEquals(List.of(), log);
        assertFalse(c.isStarted());
        loop.runUntilComplete(c);
        assertEquals(List.of("ran"), log);
    }

    @Test
    void aCoroutineCanRunOnlyOnce() {
        Coroutine<Integer> c = immediate(1);
        loop.runUntilComplete(c);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.createTask(c));
        assertTrue(e.getMessage().contains("already awaited"), e.getMessage());
    }

    @Test
    void taskFailureIsTheCoroutinesException() {
        IllegalArgumentException boom = new IllegalArgumentException("bad");
        Task<Void> t = loop.createTask(failing(boom));
        assertSame(boom, assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(t)));
        assertSame(boom, t.exception());
    }

    @Async
    static Coroutine<Void> failing(RuntimeException e) {
        await(sleep(0));
        throw e;
    }

    @Test
    void cancelBeforeTheFirstStepNeverStartsTheBody() {
        List<String> log = new ArrayList<>();
        Task<Void> t = loop.createTask(appendTo(log, "ran"));
        assertTrue(t.cancel());
        assertEquals(1, t.cancelling());
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.isCancelled());
        assertEquals(List.of(), log);
    }

    @Test
    void cancelWhileSuspendedRaisesAtTheAwaitWithTheMessage() {
        Task<String> t = loop.createTask(catchCancel());
        runOnce();
        assertTrue(t.cancel("enough"));
        assertEquals("caught: enough", loop.runUntilComplete(t));
        assertFalse(t.isCancelled(), "the coroutine swallowed the cancellation");
        assertEquals(1, t.cancelling(), "a swallowed cancellation still counts as requested");
    }

    @Async
    static Coroutine<String> catchCancel() {
        try {
            await(sleep(10));
            return completed("not cancelled");
        } catch (CancellationException e) {
            return completed("caught: " + e.getMessage());
        }
    }

    @Test
    void cancelledTaskRaisesTheCancellationToItsAwaiter() {
        Task<String> t = loop.createTask(greet("x"));
        runOnce();
        t.cancel("msg");
        CancellationException e = assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        assertEquals("msg", e.getMessage());
        assertTrue(t.isCancelled());
        assertFalse(t.cancel(), "cancelling a done task returns false");
    }

    @Test
    void taskThatCancelsItselfEndsCancelledAtItsNextAwait() {
        List<String> log = new ArrayList<>();
        Task<Void> t = loop.createTask(cancelSelf(log));
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.isCancelled());
        assertEquals(List.of("cancel requested", "cancelled at await"), log);
    }

    @Async
    static Coroutine<Void> cancelSelf(List<String> log) {
        currentTask().cancel();
        log.add("cancel requested");
        try {
            await(sleep(1));
            log.add("not reached");
        } catch (CancellationException e) {
            log.add("cancelled at await");
            throw e;
        }
        return completed();
    }

    @Test
    void cancelRightBeforeTheCoroutineReturnsStillCancelsTheTask() {
        Task<String> t = loop.createTask(cancelSelfAndReturn());
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.isCancelled(), "CPython: 'Task is cancelled right before coro stops'");
    }

    @Async
    static Coroutine<String> cancelSelfAndReturn() {
        currentTask().cancel();
        return completed("ignored");
    }

    @Test
    void cancellingAndUncancelCountRequests() {
        Task<Void> t = loop.createTask(sleep(10));
        runOnce();
        t.cancel();
        t.cancel();
        assertEquals(2, t.cancelling());
        assertEquals(1, t.uncancel());
        assertEquals(0, t.uncancel());
        assertEquals(0, t.uncancel(), "never below zero");
    }

    @Test
    void cancellingAFinishedTaskIsRefused() {
        Task<Integer> t = loop.createTask(immediate(4));
        loop.runUntilComplete(t);
        assertFalse(t.cancel());
        assertEquals(0, t.cancelling());
        assertEquals(4, t.result());
    }

    @Test
    void cancelReachesTheInnermostAwaitedFuture() {
        Future<String> inner = loop.createFuture();
        Task<String> t = loop.createTask(awaitFuture(inner));
        runOnce();
        t.cancel();
        assertTrue(inner.isCancelled(), "Task.cancel cancels the future it waits on");
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
    }

    @Async
    static Coroutine<String> awaitFuture(Future<String> f) {
        return completed(await(f));
    }

    @Test
    void taskCannotSetItsOwnResult() {
        Task<Void> t = loop.createTask(sleep(1));
        assertThrows(UnsupportedOperationException.class, () -> t.setResult(null));
        assertThrows(UnsupportedOperationException.class, () -> t.setException(new RuntimeException()));
        loop.runUntilComplete(t);
    }

    @Test
    void namesAreGeneratedOrGiven() {
        Task<Void> named = loop.createTask(sleep(0), "worker-1");
        Task<Void> unnamed = loop.createTask(sleep(0));
        assertEquals("worker-1", named.getName());
        assertTrue(unnamed.getName().startsWith("Task-"), unnamed.getName());
        unnamed.setName("renamed");
        assertEquals("renamed", unnamed.getName());
        assertTrue(named.toString().contains("worker-1"));
        loop.runUntilComplete(Asyncio.gather(named, unnamed));
    }

    @Test
    void currentTaskAndAllTasks() {
        List<Object> seen = loop.runUntilComplete(introspect());
        assertSame(seen.get(0), seen.get(1), "currentTask() is the task running the coroutine");
        assertEquals(2, seen.get(2), "allTasks(): this one and the sleeper");
        assertNull(Asyncio.currentTask(), "no task outside the loop");
    }

    @Async
    static Coroutine<List<Object>> introspect() {
        Task<Void> sleeper = createTask(sleep(5));
        Task<?> me = currentTask();
        List<Object> seen = new ArrayList<>();
        seen.add(me);
        seen.add(getRunningLoop().currentTask());
        seen.add(allTasks().size());
        sleeper.cancel();
        return completed(seen);
    }

    @Test
    void awaitChainListsTheSuspendedFramesInnermostFirst() {
        Future<String> gate = loop.createFuture();
        Coroutine<String> outer = outer(gate);
        Task<String> t = loop.createTask(outer);
        runOnce();
        List<Coroutine<?>> chain = t.awaitChain();
        assertEquals(2, chain.size(), chain.toString());
        assertSame(outer, chain.get(1));
        assertSame(outer, chain.get(0).caller());
        gate.setResult("open");
        assertEquals("outer(middle(open))", loop.runUntilComplete(t));
        assertEquals(List.of(), t.awaitChain());
    }

    @Async
    static Coroutine<String> outer(Future<String> gate) {
        return completed("outer(" + await(middle(gate)) + ")");
    }

    @Async
    static Coroutine<String> middle(Future<String> gate) {
        return completed("middle(" + await(gate) + ")");
    }

    @Test
    void taskAwaitingItselfIsAnError() {
        Task<?>[] self = new Task<?>[1];
        Task<Object> t = loop.createTask(awaitSelf(self));
        self[0] = t;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t));
        assertTrue(e.getMessage().contains("cannot await on itself"), e.getMessage());
    }

    @Async
    @SuppressWarnings("unchecked")
    static Coroutine<Object> awaitSelf(Task<?>[] self) {
        await(sleep(0));
        return completed(await((Task<Object>) self[0]));
    }

    @Test
    void taskExceptionNeverRetrievedIsReported() {
        RuntimeException boom = new RuntimeException("lost");
        Task<Void> t = loop.createTask(failing(boom));
        loop.runUntilComplete(sleep(1));
        assertTrue(t.isDone());
        loop.close();
        assertEquals(List.of("Task exception was never retrieved"), reportMessages());
        assertSame(boom, reports.get(0).get("exception"));
        assertSame(t, reports.get(0).get("task"));
    }

    @Test
    void awaitingAFailedTaskRetrievesItsException() {
        RuntimeException boom = new RuntimeException("seen");
        Task<Void> t = loop.createTask(failing(boom));
        assertSame(boom, assertThrows(RuntimeException.class, () -> loop.runUntilComplete(awaitTask(t))));
        loop.close();
        assertEquals(List.of(), reportMessages());
    }

    @Async
    static Coroutine<Void> awaitTask(Task<Void> t) {
        await(t);
        return completed();
    }

    @Test
    void deepAwaitChainsDoNotOverflowTheStack() {
        assertEquals(100_000, loop.runUntilComplete(depth(100_000)));
    }

    @Async
    static Coroutine<Integer> depth(int n) {
        if (n == 0) {
            return completed(0);
        }
        return completed(await(depth(n - 1)) + 1);
    }

    @Test
    void failuresPropagateUnwrappedThroughAwaitingFrames() {
        java.io.IOException io = new java.io.IOException("checked");
        assertSame(io, assertThrows(java.io.IOException.class, () -> loop.runUntilComplete(rethrowing(io))));
    }

    @Async
    static Coroutine<Void> rethrowing(java.io.IOException e) {
        await(throwsChecked(e));
        return completed();
    }

    @Async
    static Coroutine<Void> throwsChecked(java.io.IOException e) {
        await(sleep(0));
        throw Throwables.sneaky(e);
    }

    @Test
    void sleepZeroYieldsExactlyOnce() {
        List<String> log = new ArrayList<>();
        loop.runUntilComplete(both(yielder(log, "a"), yielder(log, "b")));
        assertEquals(List.of("a0", "b0", "a1", "b1", "a2", "b2"), log);
        assertEquals(0.0, loop.time());
    }

    @Async
    static Coroutine<Void> both(Coroutine<Void> a, Coroutine<Void> b) {
        await(gather(a, b));
        return completed();
    }

    @Async
    static Coroutine<Void> yielder(List<String> log, String name) {
        for (int i = 0; i < 3; i++) {
            log.add(name + i);
            await(sleep(0));
        }
        return completed();
    }

    @Test
    void sleepReturnsItsResultAfterTheDelay() {
        assertEquals("late", loop.runUntilComplete(sleep(2.5, "late")));
        assertEquals(2.5, loop.time());
    }

    @Test
    void cancelledSleepRemovesItsTimer() {
        Task<Void> t = loop.createTask(sleep(100));
        runOnce();
        assertEquals(1, loop.scheduledTimerCount());
        t.cancel();
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        assertEquals(0, loop.scheduledTimerCount(), "the sleeper's timer was cancelled and dropped");
    }

    @Test
    void asyncioRunReturnsTheResultAndClosesItsLoop() {
        EventLoop[] used = new EventLoop[1];
        assertEquals("hello run", Asyncio.run(captureLoop(used)));
        assertTrue(used[0].isClosed());
    }

    @Async
    static Coroutine<String> captureLoop(EventLoop[] used) {
        used[0] = getRunningLoop();
        return greet("run");
    }

    @Test
    void asyncioRunCancelsTasksLeftPending() {
        List<String> log = new ArrayList<>();
        Asyncio.run(leaveBehind(log));
        assertEquals(List.of("cancelled at shutdown"), log);
    }

    @Async
    static Coroutine<Void> leaveBehind(List<String> log) {
        createTask(recordCancel(log));
        await(sleep(0));
        return completed();
    }

    @Async
    static Coroutine<Void> recordCancel(List<String> log) {
        try {
            await(sleep(1000));
        } catch (CancellationException e) {
            log.add("cancelled at shutdown");
            throw e;
        }
        return completed();
    }

    @Test
    void asyncioRunInsideARunningLoopIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(nestedRun()));
        assertTrue(e.getMessage().contains("cannot be called from a running event loop"), e.getMessage());
    }

    @Async
    static Coroutine<Void> nestedRun() {
        Asyncio.run(immediate(1));
        return completed();
    }

    @Test
    void noCurrentTaskInsideAPlainCallback() {
        Task<?>[] seen = {loop.createTask(sleep(0))};
        loop.callSoon(() -> seen[0] = Asyncio.currentTask());
        runOnce();
        assertNull(seen[0]);
    }

    @Test
    void theCancelMessageReachesTheInnermostFrame() {
        Task<String> t = loop.createTask(outerCatching());
        runOnce();
        t.cancel("deep");
        assertEquals("inner saw: deep", loop.runUntilComplete(t));
    }

    @Async
    static Coroutine<String> outerCatching() {
        return completed(await(innerCatching()));
    }

    @Async
    static Coroutine<String> innerCatching() {
        try {
            await(sleep(100));
        } catch (CancellationException e) {
            return completed("inner saw: " + e.getMessage());
        }
        return completed("not cancelled");
    }

    @Test
    void aCancelledTaskCanFinishItsCleanupAwaits() {
        List<String> log = new ArrayList<>();
        Task<Void> t = loop.createTask(WaitForTest.slowWithCleanup(log));
        loop.callLater(1, t::cancel);
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        assertEquals(List.of("cleanup"), log);
        assertEquals(3.0, loop.time());
    }

    @Test
    void aTaskThatSwallowsCancellationCanBeCancelledAgain() {
        Task<String> t = loop.createTask(swallowOnceThenSleep());
        runOnce();
        t.cancel();
        loop.runUntilComplete(sleep(1));
        assertFalse(t.isDone(), "it swallowed the first cancellation and went back to sleep");
        t.cancel();
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        assertEquals(2, t.cancelling());
    }

    @Async
    static Coroutine<String> swallowOnceThenSleep() {
        try {
            await(sleep(100));
        } catch (CancellationException e) {
            // ignore once
        }
        await(sleep(100));
        return completed("done");
    }

    @Test
    void asyncioRunReportsALeftoverTaskThatFailsWhileBeingCancelled() {
        List<java.util.Map<String, Object>> seen = new ArrayList<>();
        Asyncio.run(leaveAFailingTask(seen));
        assertEquals(1, seen.size(), seen.toString());
        assertEquals("unhandled exception during Asyncio.run() shutdown", seen.get(0).get("message"));
        assertEquals("failed while cancelled", ((Throwable) seen.get(0).get("exception")).getMessage());
    }

    @Async
    static Coroutine<Void> leaveAFailingTask(List<java.util.Map<String, Object>> seen) {
        getRunningLoop().setExceptionHandler((l, context) -> seen.add(context));
        createTask(failWhenCancelled());
        await(sleep(0));
        return completed();
    }

    @Async
    static Coroutine<Void> failWhenCancelled() {
        try {
            await(sleep(1000));
        } catch (CancellationException e) {
            throw new IllegalStateException("failed while cancelled");
        }
        return completed();
    }
}
