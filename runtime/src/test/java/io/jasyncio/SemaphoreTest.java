package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static io.jasyncio.SyncFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class SemaphoreTest {
    /** Takes a permit, logs, and holds it until {@code release} is set. */
    @Async
    static Coroutine<Void> holder(Semaphore sem, List<String> log, String name, Event release) {
        try (var held = await(sem.acquire())) {
            log.add(name);
            await(release.waitUntilSet());
        }
        return completed();
    }

    @Async
    static Coroutine<Void> taker(Semaphore sem, List<String> log, String name) {
        await(sem.acquire());
        log.add(name);
        return completed();
    }

    @Test
    void aNegativeInitialValueIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
        assertTrue(e.getMessage().contains("Semaphore(-1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BoundedSemaphore(-2));
    }

    @Test
    void acquiresCountDownAndLockAtZero() {
        runVirtual(countDown());
    }

    @Async
    static Coroutine<Void> countDown() {
        Semaphore sem = new Semaphore(2);
        assertFalse(sem.isLocked());
        await(sem.acquire());
        assertEquals(1, sem.value);
        assertFalse(sem.isLocked());
        Awaitable<Acquired> second = sem.acquire();
        assertEquals(0, sem.value, "a free permit is taken by the call itself");
        assertTrue(sem.isLocked());
        await(second);
        sem.release();
        sem.release();
        assertEquals(2, sem.value);
        return completed();
    }

    @Test
    void releaseMayRaiseThePlainSemaphoreAboveItsInitialValue() {
        Semaphore sem = new Semaphore(0);
        assertTrue(sem.isLocked());
        sem.release();
        sem.release();
        assertEquals(2, sem.value);
        assertFalse(sem.isLocked());
        assertEquals("Semaphore[unlocked, value:2]", sem.toString());
    }

    @Test
    void aBoundedSemaphoreRefusesToBeReleasedMoreThanAcquired() {
        runVirtual(bounded());
    }

    @Async
    static Coroutine<Void> bounded() {
        BoundedSemaphore sem = new BoundedSemaphore(2);
        await(sem.acquire());
        sem.release();
        IllegalStateException e = assertThrows(IllegalStateException.class, sem::release);
        assertTrue(e.getMessage().contains("released too many times"), e.getMessage());
        assertEquals(2, sem.value, "the failed release changed nothing");
        return completed();
    }

    @Test
    void waitersGetPermitsInFifoOrder() {
        runVirtual(fifo());
    }

    @Async
    static Coroutine<Void> fifo() {
        Semaphore sem = new Semaphore(0);
        List<String> log = log();
        for (String n : List.of("a", "b", "c")) {
            createTask(taker(sem, log, n));
        }
        await(settle());
        sem.release();
        await(settle());
        assertEquals(List.of("a"), log);
        sem.release();
        sem.release();
        await(settle());
        assertEquals(List.of("a", "b", "c"), log);
        assertEquals(0, sem.value);
        return completed();
    }

    @Test
    void whileSomeoneWaitsANewcomerQueuesEvenIfAPermitIsFree() {
        runVirtual(noQueueJumping());
    }

    @Async
    static Coroutine<Void> noQueueJumping() {
        Semaphore sem = new Semaphore(0);
        List<String> log = log();
        createTask(taker(sem, log, "a"));
        await(settle());
        sem.release();   // the permit is a's, though a has not run yet
        assertTrue(sem.isLocked());
        createTask(taker(sem, log, "b"));
        await(settle());
        assertEquals(List.of("a"), log, "b must not take a's permit");
        sem.release();
        await(settle());
        assertEquals(List.of("a", "b"), log);
        return completed();
    }

    @Test
    void permitsFreedWhileNewcomersQueuedReachThemWhenTheFirstWaiterRuns() {
        runVirtual(newcomersWokenInTurn());
    }

    @Async
    static Coroutine<Void> newcomersWokenInTurn() {
        Semaphore sem = new Semaphore(0);
        List<String> log = log();
        createTask(taker(sem, log, "a"));
        await(settle());
        sem.release();                 // for a
        createTask(taker(sem, log, "b"));
        createTask(taker(sem, log, "c"));
        sem.release();                 // a second permit while b and c queue up
        await(settle());
        assertEquals(List.of("a", "b"), log);
        assertEquals(0, sem.value);
        return completed();
    }

    @Test
    void aCancelledWaiterTakesNoPermit() {
        runVirtual(cancelledWaiter());
    }

    @Async
    static Coroutine<Void> cancelledWaiter() {
        Semaphore sem = new Semaphore(0);
        List<String> log = log();
        Task<Void> a = createTask(taker(sem, log, "a"));
        createTask(taker(sem, log, "b"));
        await(settle());
        a.cancel();
        await(settle());
        sem.release();
        await(settle());
        assertTrue(a.isCancelled());
        assertEquals(List.of("b"), log);
        assertEquals(0, sem.value);
        return completed();
    }

    @Test
    void aWaiterCancelledAfterBeingGivenAPermitPassesItOn() {
        runVirtual(cancelledAfterWakeUp());
    }

    @Async
    static Coroutine<Void> cancelledAfterWakeUp() {
        Semaphore sem = new Semaphore(0);
        List<String> log = log();
        Task<Void> a = createTask(taker(sem, log, "a"));
        createTask(taker(sem, log, "b"));
        await(settle());
        sem.release();   // gives the permit to a ...
        a.cancel();      // ... which is cancelled before it runs
        await(settle());
        assertTrue(a.isCancelled());
        assertEquals(List.of("b"), log);
        assertEquals(0, sem.value);
        return completed();
    }

    @Test
    void aCancelledWaiterGivenAPermitWithNobodyElseWaitingReturnsIt() {
        runVirtual(cancelledAloneAfterWakeUp());
    }

    @Async
    static Coroutine<Void> cancelledAloneAfterWakeUp() {
        Semaphore sem = new Semaphore(0);
        Task<Void> a = createTask(taker(sem, log(), "a"));
        await(settle());
        sem.release();
        a.cancel();
        await(settle());
        assertEquals(1, sem.value, "the permit is back");
        assertFalse(sem.isLocked());
        return completed();
    }

    @Test
    void tryWithResourcesLimitsConcurrency() {
        runVirtual(limitsConcurrency());
    }

    @Async
    static Coroutine<Void> limitsConcurrency() {
        Semaphore sem = new Semaphore(2);
        List<String> log = log();
        Event go = new Event();
        for (String n : List.of("a", "b", "c", "d")) {
            createTask(holder(sem, log, n, go));
        }
        await(settle());
        assertEquals(List.of("a", "b"), log);
        go.set();
        await(settle());
        assertEquals(List.of("a", "b", "c", "d"), log);
        assertEquals(2, sem.value, "every permit came back");
        return completed();
    }

    @Test
    void theDefaultValueIsOnePermit() {
        assertEquals(1, new Semaphore().value);
        BoundedSemaphore bounded = new BoundedSemaphore();
        assertEquals(1, bounded.value);
        assertThrows(IllegalStateException.class, bounded::release);
    }
}
