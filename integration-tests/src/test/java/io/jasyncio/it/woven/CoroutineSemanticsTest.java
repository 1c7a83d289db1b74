package io.jasyncio.it.woven;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Python's coroutine semantics, as woven code sees them: calling runs nothing, a coroutine is awaited
 * once, futures and tasks any number of times, JDK futures resume on the loop thread with their failure
 * unwrapped.
 */
class CoroutineSemanticsTest {
    private final List<String> log = new ArrayList<>();
    private final EventLoop loop = new EventLoop(new VirtualClock());

    @AfterEach
    void close() {
        loop.close();
    }

    @Async
    Coroutine<Integer> body(int x) {
        log.add("body ran");
        return completed(x + await(sleep(1, 1)));
    }

    @Test
    void callingAnAsyncMethodRunsNothingUntilAwaited() {
        Coroutine<Integer> c = body(41);
        assertFalse(c.isStarted());
        assertEquals(List.of(), log);
        assertEquals(42, loop.runUntilComplete(c));
        assertEquals(List.of("body ran"), log);
    }

    @Async
    Coroutine<String> awaitsTwice(Coroutine<Integer> c) {
        String first = "first " + await(c);
        try {
            await(c);
            return completed(first + ", second returned");
        } catch (IllegalStateException e) {
            return completed(first + ", second refused");
        }
    }

    @Test
    void aCoroutineIsAwaitedOnceOnly() {
        assertEquals("first 42, second refused", loop.runUntilComplete(awaitsTwice(body(41))));
    }

    @Async
    Coroutine<String> awaitsFutureAndTaskRepeatedly(Future<String> f) {
        Task<Integer> t = createTask(body(1));
        String a = await(f) + await(f);
        int b = await(t) + await(t);
        return completed(a + b);
    }

    @Test
    void futuresAndTasksMayBeAwaitedManyTimes() {
        Future<String> f = loop.createFuture();
        loop.callLater(5, () -> f.setResult("x"));
        assertEquals("xx4", loop.runUntilComplete(awaitsFutureAndTaskRepeatedly(f)));
    }

    @Async
    Coroutine<String> awaitsJdkFuture(CompletableFuture<String> cf, Thread loopThread) {
        String v = await(cf);
        boolean onLoop = Thread.currentThread() == loopThread;
        try {
            await(CompletableFuture.failedFuture(new UnsupportedOperationException("jdk failure")));
            return completed("not reached");
        } catch (UnsupportedOperationException e) {
            return completed(v + ", on loop thread " + onLoop + ", caught " + e.getMessage());
        }
    }

    @Test
    void aCompletionStageFromAnotherThreadResumesOnTheLoopThread() throws InterruptedException {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Thread completer = new Thread(() -> cf.complete("from thread"));
        // the completer starts once the loop runs, so the await really suspends
        loop.callSoon(completer::start);
        String r = loop.runUntilComplete(awaitsJdkFuture(cf, Thread.currentThread()));
        completer.join();
        assertEquals("from thread, on loop thread true, caught jdk failure", r);
    }

    @Async
    Coroutine<Integer> returnsAnother(boolean fail) {
        await(sleep(1));
        return fail ? failing() : body(9);
    }

    @Async
    Coroutine<Integer> failing() {
        await(sleep(1));
        throw new IllegalStateException("other failed");
    }

    @Test
    void returningAnotherCoroutineCompletesWithItsResultOrFailure() {
        assertEquals(10, loop.runUntilComplete(returnsAnother(false)));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> loop.runUntilComplete(returnsAnother(true)));
        assertEquals("other failed", e.getMessage());
        assertEquals(4.0, loop.time());
    }

    @Test
    void aDoneFutureIsTakenInlineWithoutALoopIteration() {
        Future<String> done = loop.createFuture();
        done.setResult("now");
        Task<String> t = loop.createTask(awaitsFutureAndTaskRepeatedlyDone(done));
        assertSame(done.result(), "now");
        assertEquals("nownow", loop.runUntilComplete(t));
        assertTrue(t.isDone());
    }

    @Async
    Coroutine<String> awaitsFutureAndTaskRepeatedlyDone(Future<String> f) {
        return completed(await(f) + await(f));
    }
}
