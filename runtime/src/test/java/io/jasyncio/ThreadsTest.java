package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

/** CPython's test_threads / run_coroutine_threadsafe tests, and awaiting JDK futures. */
class ThreadsTest extends LoopFixture {

    @Test
    void toThreadRunsElsewhereAndResumesOnTheLoopThread() {
        Thread loopThread = Thread.currentThread();
        List<Thread> threads = loop.runUntilComplete(whereDidItRun());
        assertNotSame(loopThread, threads.get(0), "the call ran in the executor");
        assertSame(loopThread, threads.get(1), "the coroutine resumed on the loop thread");
    }

    @Async
    static Coroutine<List<Thread>> whereDidItRun() {
        Thread worker = await(toThread(Thread::currentThread));
        return completed(List.of(worker, Thread.currentThread()));
    }

    @Test
    void toThreadFailureIsRethrownUnwrapped() {
        java.io.IOException io = new java.io.IOException("disk");
        assertSame(io, assertThrows(java.io.IOException.class, () -> loop.runUntilComplete(awaitCall(() -> {
            throw io;
        }))));
    }

    @Async
    static Coroutine<Object> awaitCall(java.util.concurrent.Callable<Object> call) {
        return completed(await(toThread(call)));
    }

    @Test
    void runInExecutorUsesTheGivenExecutor() {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> new Thread(r, "custom-worker"));
        try {
            assertEquals("custom-worker", loop.runUntilComplete(loop.runInExecutor(ex, () -> Thread.currentThread().getName())));
        } finally {
            ex.shutdown();
        }
    }

    @Test
    void theDefaultExecutorCannotBeUsedAfterItWasShutDown() {
        assertEquals(3, loop.runUntilComplete(loop.runInExecutor(null, () -> 3)));
        loop.shutdownDefaultExecutor();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runInExecutor(null, () -> 4));
        assertTrue(e.getMessage().contains("shut down"), e.getMessage());
    }

    @Test
    void asyncioRunShutsTheDefaultExecutorDown() {
        AtomicReference<EventLoop> used = new AtomicReference<>();
        assertEquals("in a thread", Asyncio.run(useExecutor(used)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> used.get().runInExecutor(null, () -> 1));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Async
    static Coroutine<String> useExecutor(AtomicReference<EventLoop> used) {
        used.set(getRunningLoop());
        return completed(await(toThread(() -> "in a thread")));
    }

    @Test
    void awaitingACompletableFutureResumesOnTheLoopThread() throws Exception {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Thread completer = new Thread(() -> cf.complete("from elsewhere"));
        Task<List<Object>> t = loop.createTask(awaitStage(cf));
        runOnce();
        completer.start();
        List<Object> r = loop.runUntilComplete(t);
        completer.join();
        assertEquals("from elsewhere", r.get(0));
        assertSame(Thread.currentThread(), r.get(1));
    }

    @Async
    static Coroutine<List<Object>> awaitStage(CompletableFuture<String> cf) {
        String v = await(cf);
        return completed(List.of(v, Thread.currentThread()));
    }

    @Test
    void aFailedCompletableFutureRethrowsItsCause() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        IllegalStateException boom = new IllegalStateException("boom");
        cf.completeExceptionally(boom);
        assertSame(boom, assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(awaitStage(cf))));
    }

    @Test
    void cancellingTheAwaitingTaskCancelsTheCompletableFuture() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Task<List<Object>> t = loop.createTask(awaitStage(cf));
        runOnce();
        t.cancel();
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        assertTrue(cf.isCancelled());
    }

    @Test
    void runCoroutineThreadsafeFromAnotherThread() throws Exception {
        Future<String> done = loop.createFuture();
        AtomicReference<Object> got = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                got.set(runCoroutineThreadsafe(sleep(1, "computed on the loop"), loop).get());
            } catch (Exception e) {
                got.set(e);
            }
            loop.callSoonThreadsafe(() -> done.setResult("finished"));
        });
        other.start();
        loop.runUntilComplete(done);
        other.join();
        assertEquals("computed on the loop", got.get());
    }

    @Test
    void runCoroutineThreadsafeCarriesTheFailure() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        CompletableFuture<Void> cf = runCoroutineThreadsafe(EagerTaskTest.throwAtOnce(boom), loop);
        loop.runUntilComplete(sleep(0));
        runOnce();
        ExecutionException e = assertThrows(ExecutionException.class, cf::get);
        assertSame(boom, e.getCause());
    }

    @Test
    void cancellingTheCompletableFutureCancelsTheTask() {
        CompletableFuture<String> cf = runCoroutineThreadsafe(sleep(100, "never"), loop);
        runOnce();
        List<Task<?>> tasks = loop.allTasks();
        assertEquals(1, tasks.size());
        cf.cancel(false);
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(tasks.get(0)));
    }

    @Test
    void cancelledBeforeTheLoopPicksItUpNeverStarts() {
        List<String> log = new ArrayList<>();
        CompletableFuture<Void> cf = runCoroutineThreadsafe(TaskTest.appendTo(log, "ran"), loop);
        cf.cancel(false);
        runOnce();
        assertEquals(List.of(), loop.allTasks());
        assertEquals(List.of(), log);
    }
}
