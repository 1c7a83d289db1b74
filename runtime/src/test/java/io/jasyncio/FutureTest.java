package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/** CPython's test_futures: states, results, cancellation, done-callbacks, lost failures. */
class FutureTest extends LoopFixture {

    @Test
    void newFutureIsPendingAndHasNoResultYet() {
        Future<String> f = loop.createFuture();
        assertFalse(f.isDone());
        assertFalse(f.isCancelled());
        InvalidStateException e = assertThrows(InvalidStateException.class, f::result);
        assertEquals("Result is not set.", e.getMessage());
        assertThrows(InvalidStateException.class, f::exception);
        assertSame(loop, f.getLoop());
    }

    @Test
    void resultIsSetOnce() {
        Future<String> f = loop.createFuture();
        f.setResult("x");
        assertTrue(f.isDone());
        assertEquals("x", f.result());
        assertNull(f.exception());
        assertThrows(InvalidStateException.class, () -> f.setResult("y"));
        assertThrows(InvalidStateException.class, () -> f.setException(new RuntimeException()));
        assertFalse(f.cancel(), "a done future cannot be cancelled");
        assertEquals("x", f.result());
    }

    @Test
    void failureIsRethrownUnwrapped() {
        Future<String> f = loop.createFuture();
        Exception checked = new java.io.IOException("disk");
        f.setException(checked);
        assertTrue(f.isDone());
        Throwable thrown = assertThrows(java.io.IOException.class, f::result);
        assertSame(checked, thrown);
        assertSame(checked, f.exception());
    }

    @Test
    void cancellationCannotBeSetAsAnException() {
        Future<String> f = loop.createFuture();
        assertThrows(IllegalArgumentException.class, () -> f.setException(new CancellationException()));
        assertThrows(NullPointerException.class, () -> f.setException(null));
        assertFalse(f.isDone());
    }

    @Test
    void cancelMakesResultAndExceptionRaiseCancellation() {
        Future<String> f = loop.createFuture();
        assertTrue(f.cancel("stop it"));
        assertTrue(f.isCancelled());
        assertTrue(f.isDone());
        CancellationException e = assertThrows(CancellationException.class, f::result);
        assertEquals("stop it", e.getMessage());
        assertThrows(CancellationException.class, f::exception);
        assertFalse(f.cancel(), "cancelling twice returns false");
        assertThrows(InvalidStateException.class, () -> f.setResult("late"));
    }

    @Test
    void doneCallbacksRunThroughTheLoopNeverInline() {
        Future<String> f = loop.createFuture();
        List<String> log = new ArrayList<>();
        f.addDoneCallback(fut -> log.add("cb " + fut.result()));
        f.setResult("x");
        assertEquals(List.of(), log, "not called inside setResult");
        runOnce();
        assertEquals(List.of("cb x"), log);
    }

    @Test
    void callbackAddedToADoneFutureIsScheduledSoon() {
        Future<String> f = loop.createFuture();
        f.setResult("x");
        List<String> log = new ArrayList<>();
        f.addDoneCallback(fut -> log.add("late cb"));
        assertEquals(List.of(), log);
        runOnce();
        assertEquals(List.of("late cb"), log);
    }

    @Test
    void doneCallbacksRunInRegistrationOrder() {
        Future<Integer> f = loop.createFuture();
        List<Integer> log = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            f.addDoneCallback(fut -> log.add(n));
        }
        f.cancel();
        runOnce();
        assertEquals(List.of(0, 1, 2, 3), log);
    }

    @Test
    void removeDoneCallbackRemovesEveryRegistration() {
        Future<Integer> f = loop.createFuture();
        List<String> log = new ArrayList<>();
        Consumer<Future<Integer>> a = fut -> log.add("a");
        Consumer<Future<Integer>> b = fut -> log.add("b");
        f.addDoneCallback(a);
        f.addDoneCallback(b);
        f.addDoneCallback(a);
        assertEquals(2, f.removeDoneCallback(a));
        assertEquals(0, f.removeDoneCallback(a));
        f.setResult(1);
        runOnce();
        assertEquals(List.of("b"), log);
    }

    @Test
    void futureWithoutLoopNeedsARunningOne() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Future<String>());
        assertTrue(e.getMessage().contains("no running event loop"), e.getMessage());
    }

    @Test
    void toCompletableFutureFollowsTheFuture() throws Exception {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        f.setResult("v");
        assertFalse(cf.isDone(), "completed through the loop");
        runOnce();
        assertEquals("v", cf.get());
    }

    @Test
    void toCompletableFutureCarriesTheFailureAndRetrievesIt() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        IllegalStateException boom = new IllegalStateException("boom");
        f.setException(boom);
        runOnce();
        ExecutionException e = assertThrows(ExecutionException.class, cf::get);
        assertSame(boom, e.getCause());
        loop.close();
        assertEquals(List.of(), reportMessages());
    }

    @Test
    void cancellingTheCompletableFutureCancelsTheFuture() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        assertTrue(cf.cancel(false));
        runOnce();
        assertTrue(f.isCancelled());
    }

    @Test
    void cancelledFutureMakesTheCompletableFutureCancelled() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        f.cancel();
        runOnce();
        assertTrue(cf.isCancelled());
    }

    @Test
    void failureNeverRetrievedIsReportedAtClose() {
        Future<String> f = loop.createFuture();
        RuntimeException boom = new RuntimeException("lost");
        f.setException(boom);
        loop.close();
        assertEquals(List.of("Future exception was never retrieved"), reportMessages());
        assertSame(boom, reports.get(0).get("exception"));
        assertSame(f, reports.get(0).get("future"));
    }

    @Test
    void retrievedFailureIsNotReported() {
        Future<String> viaException = loop.createFuture();
        viaException.setException(new RuntimeException("seen"));
        viaException.exception();
        Future<String> viaResult = loop.createFuture();
        viaResult.setException(new RuntimeException("seen too"));
        assertThrows(RuntimeException.class, viaResult::result);
        loop.close();
        assertEquals(List.of(), reportMessages());
    }

    @Test
    void cancelledFutureIsNeverReportedAsLost() {
        Future<String> f = loop.createFuture();
        f.cancel();
        loop.close();
        assertEquals(List.of(), reportMessages());
    }

    @Test
    void toStringShowsTheState() {
        Future<String> f = loop.createFuture();
        assertEquals("Future[pending]", f.toString());
        f.setResult("x");
        assertEquals("Future[finished result=x]", f.toString());
        Future<String> c = loop.createFuture();
        c.cancel();
        assertEquals("Future[cancelled]", c.toString());
    }
}
