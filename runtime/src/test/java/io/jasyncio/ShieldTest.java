package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

/** CPython's test_tasks shield tests. */
class ShieldTest extends LoopFixture {

    @Test
    void shieldOfADoneFutureIsThatFuture() {
        Future<String> f = loop.createFuture();
        f.setResult("x");
        assertSame(f, shield(f));
    }

    @Test
    void resultPassesThrough() {
        Future<String> inner = resultLater(1, "x");
        assertEquals("x", loop.runUntilComplete(shield(inner)));
    }

    @Test
    void failurePassesThrough() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(shield(failLater(1, boom)))));
    }

    @Test
    void cancellingTheOuterLeavesTheInnerRunning() {
        Future<String> inner = resultLater(2, "survived");
        Future<String> outer = shield(inner);
        assertTrue(outer.cancel());
        assertFalse(inner.isCancelled());
        assertEquals("survived", loop.runUntilComplete(inner));
    }

    @Test
    void cancellingTheInnerCancelsTheOuter() {
        Future<String> inner = loop.createFuture();
        Future<String> outer = shield(inner);
        inner.cancel();
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(outer));
        assertTrue(outer.isCancelled());
    }

    @Test
    void cancellingTheAwaitingTaskSparesTheShieldedTask() {
        Task<String> inner = loop.createTask(sleep(5, "done anyway"));
        Task<String> waiter = loop.createTask(awaitShielded(inner));
        runOnce();
        waiter.cancel();
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(waiter));
        assertFalse(inner.isCancelled());
        assertEquals("done anyway", loop.runUntilComplete(inner));
        assertEquals(5.0, loop.time());
    }

    @Async
    static Coroutine<String> awaitShielded(Awaitable<String> aw) {
        return completed(await(shield(aw)));
    }

    @Test
    void aCoroutineIsShieldedAsATask() {
        assertEquals("slept", loop.runUntilComplete(awaitShielded(sleep(1, "slept"))));
    }

    @Test
    void innerFailingAsTheOuterIsCancelledIsNotReportedAsLost() {
        Future<String> inner = loop.createFuture();
        Future<String> outer = shield(inner);
        outer.cancel();
        inner.setException(new RuntimeException("ignored by design"));
        runOnce();
        loop.close();
        assertEquals(List.of(), reportMessages());
    }

    @Test
    void innerFailingLongAfterTheOuterWasCancelledIsStillReported() {
        Future<String> inner = failLater(1, new RuntimeException("nobody looks"));
        Future<String> outer = shield(inner);
        outer.cancel();
        loop.runUntilComplete(sleep(2));
        loop.close();
        assertEquals(List.of("Future exception was never retrieved"), reportMessages(), "as CPython: the shield let go of it");
    }
}
