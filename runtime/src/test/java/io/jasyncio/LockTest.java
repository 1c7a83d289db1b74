package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static io.jasyncio.SyncFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class LockTest {
    /** Takes the lock, logs, releases (through try-with-resources). */
    @Async
    static Coroutine<Void> worker(Lock lock, List<String> log, String name) {
        try (var held = await(lock.acquire())) {
            log.add(name);
        }
        return completed();
    }

    @Async
    static Coroutine<Void> append(List<String> log, String entry) {
        log.add(entry);
        return completed();
    }

    @Test
    void uncontendedAcquireCompletesAtOnceWithoutALoopTrip() {
        runVirtual(uncontended());
    }

    @Async
    static Coroutine<Void> uncontended() {
        Lock lock = new Lock();
        List<String> log = log();
        createTask(append(log, "other task ran"));
        Awaitable<Acquired> first = lock.acquire();
        assertTrue(lock.isLocked(), "taken by the call itself");
        await(first);
        assertEquals(List.of(), log, "awaiting a free lock must not yield to the loop");
        lock.release();
        assertSame(first, lock.acquire(), "the fast path hands out one done awaitable: no allocation");
        lock.release();
        await(settle());
        return completed();
    }

    @Test
    void releasingAnUnlockedLockFails() {
        IllegalStateException e = assertThrows(IllegalStateException.class, new Lock()::release);
        assertTrue(e.getMessage().contains("not acquired"), e.getMessage());
    }

    @Test
    void waitersGetTheLockInFifoOrder() {
        runVirtual(fifo());
    }

    @Async
    static Coroutine<Void> fifo() {
        Lock lock = new Lock();
        List<String> log = log();
        await(lock.acquire());
        for (String name : List.of("a", "b", "c", "d")) {
            createTask(worker(lock, log, name));
        }
        await(settle());
        assertEquals(List.of(), log);
        assertEquals("Lock[locked, waiters:4]", lock.toString());
        lock.release();
        await(settle());
        assertEquals(List.of("a", "b", "c", "d"), log);
        assertFalse(lock.isLocked());
        assertEquals("Lock[unlocked]", lock.toString());
        return completed();
    }

    @Test
    void aReleasedLockGoesToTheFirstWaiterNotToANewcomer() {
        runVirtual(noQueueJumping());
    }

    @Async
    static Coroutine<Void> noQueueJumping() {
        Lock lock = new Lock();
        List<String> log = log();
        await(lock.acquire());
        createTask(worker(lock, log, "a"));
        await(settle());
        lock.release();   // a is woken but has not run yet
        assertFalse(lock.isLocked());
        createTask(worker(lock, log, "b"));
        await(lock.acquire());   // must queue behind a, although the lock is free right now
        log.add("main");
        lock.release();
        await(settle());
        assertEquals(List.of("a", "main", "b"), log);
        return completed();
    }

    @Test
    void aCancelledWaiterLeavesTheLine() {
        runVirtual(cancelledWaiter());
    }

    @Async
    static Coroutine<Void> cancelledWaiter() {
        Lock lock = new Lock();
        List<String> log = log();
        await(lock.acquire());
        Task<Void> a = createTask(worker(lock, log, "a"));
        createTask(worker(lock, log, "b"));
        await(settle());
        assertTrue(a.cancel());
        await(settle());
        assertTrue(a.isCancelled());
        assertTrue(lock.isLocked(), "still ours");
        lock.release();
        await(settle());
        assertEquals(List.of("b"), log);
        assertFalse(lock.isLocked());
        return completed();
    }

    @Test
    void aWaiterCancelledAfterBeingWokenPassesTheLockOn() {
        runVirtual(cancelledAfterWakeUp());
    }

    @Async
    static Coroutine<Void> cancelledAfterWakeUp() {
        Lock lock = new Lock();
        List<String> log = log();
        await(lock.acquire());
        Task<Void> a = createTask(worker(lock, log, "a"));
        createTask(worker(lock, log, "b"));
        await(settle());
        lock.release();   // hands the lock to a ...
        a.cancel();       // ... which is cancelled before it runs
        await(settle());
        assertTrue(a.isCancelled());
        assertEquals(List.of("b"), log, "the turn a was given must reach b");
        assertFalse(lock.isLocked(), "nobody holds the lock: a cancelled acquire must not keep it");
        return completed();
    }

    @Test
    void whenEveryWaiterIsCancelledANewcomerTakesTheLockAtOnce() {
        runVirtual(allWaitersCancelled());
    }

    @Async
    static Coroutine<Void> allWaitersCancelled() {
        Lock lock = new Lock();
        List<String> log = log();
        await(lock.acquire());
        Task<Void> a = createTask(worker(lock, log, "a"));
        await(settle());
        a.cancel();       // a's turn is cancelled, though a has not run yet
        lock.release();
        Awaitable<Acquired> again = lock.acquire();
        assertTrue(lock.isLocked(), "cancelled waiters don't count as being in line");
        await(again);
        await(settle());
        assertTrue(a.isCancelled());
        assertTrue(lock.isLocked());
        assertEquals(List.of(), log);
        lock.release();
        return completed();
    }

    @Test
    void tryWithResourcesReleasesWhenTheBlockThrows() {
        runVirtual(releaseOnFailure());
    }

    @Async
    static Coroutine<Void> failWhileHolding(Lock lock) {
        try (var held = await(lock.acquire())) {
            if (lock.isLocked()) {
                throw new IllegalArgumentException("boom");
            }
        }
        return completed();
    }

    @Async
    static Coroutine<Void> releaseOnFailure() {
        Lock lock = new Lock();
        try {
            await(failWhileHolding(lock));
            fail("expected the failure to propagate");
        } catch (IllegalArgumentException e) {
            assertEquals("boom", e.getMessage());
        }
        assertFalse(lock.isLocked());
        return completed();
    }

    @Test
    void closingTheAcquiredHandleReleasesOnce() {
        runVirtual(handle());
    }

    @Async
    static Coroutine<Void> handle() {
        Lock lock = new Lock();
        Acquired held = await(lock.acquire());
        held.close();
        assertFalse(lock.isLocked());
        assertThrows(IllegalStateException.class, held::close, "a second close is a release of an unlocked lock");
        return completed();
    }

    @Test
    void aCancelledHolderReleasesThroughTryWithResources() {
        runVirtual(cancelledHolder());
    }

    @Async
    static Coroutine<Void> holdUntilSet(Lock lock, Event go) {
        try (var held = await(lock.acquire())) {
            await(go.waitUntilSet());
        }
        return completed();
    }

    @Async
    static Coroutine<Void> cancelledHolder() {
        Lock lock = new Lock();
        List<String> log = log();
        Task<Void> holder = createTask(holdUntilSet(lock, new Event()));
        await(settle());
        createTask(worker(lock, log, "next"));
        await(settle());
        assertTrue(lock.isLocked());
        holder.cancel();
        await(settle());
        assertTrue(holder.isCancelled());
        assertEquals(List.of("next"), log);
        assertFalse(lock.isLocked());
        return completed();
    }

    @Test
    void aLockWaitedOnInOneLoopRefusesWaitersFromAnother() {
        Lock lock = new Lock();
        runVirtual(contend(lock));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runVirtual(contend(lock)));
        assertTrue(e.getMessage().contains("different event loop"), e.getMessage());
    }

    @Async
    static Coroutine<Void> contend(Lock lock) {
        await(lock.acquire());
        Task<Void> t = createTask(worker(lock, log(), "w"));
        await(settle());
        lock.release();
        await(t);
        return completed();
    }

    @Test
    void cancellingTheAwaitingTaskRaisesCancellationAtTheAcquire() {
        runVirtual(cancellationSurfaces());
    }

    @Async
    static Coroutine<String> acquireAndReport(Lock lock) {
        try {
            await(lock.acquire());
            lock.release();
            return completed("acquired");
        } catch (CancellationException e) {
            return completed("cancelled, locked=" + lock.isLocked());
        }
    }

    @Async
    static Coroutine<Void> cancellationSurfaces() {
        Lock lock = new Lock();
        await(lock.acquire());
        Task<String> t = createTask(acquireAndReport(lock));
        await(settle());
        t.cancel();
        await(settle());
        assertEquals("cancelled, locked=true", t.result());
        lock.release();
        return completed();
    }

    @Test
    void anAcquireThatTimesOutGivesUpItsPlaceInLine() {
        runVirtual(timedOutAcquire());
    }

    @Async
    static Coroutine<Void> timedOutAcquire() {
        Lock lock = new Lock();
        List<String> log = log();
        await(lock.acquire());
        double start = getRunningLoop().time();
        try {
            await(waitFor(lock.acquire(), 5.0));
            fail("the lock is ours: the second acquire must time out");
        } catch (AsyncTimeoutException e) {
            assertEquals(5.0, getRunningLoop().time() - start, 1e-9);
        }
        createTask(worker(lock, log, "b"));
        await(settle());
        lock.release();
        await(settle());
        assertEquals(List.of("b"), log, "the timed-out waiter no longer stands in line");
        assertFalse(lock.isLocked());
        return completed();
    }

    @Test
    void anyTaskMayReleaseTheLockAndTheNextWaiterGetsIt() {
        runVirtual(releasedByAnotherTask());
    }

    @Async
    static Coroutine<Void> releaseFor(Lock lock) {
        lock.release();
        return completed();
    }

    @Async
    static Coroutine<Void> releasedByAnotherTask() {
        Lock lock = new Lock();
        List<String> log = log();
        await(lock.acquire());
        createTask(worker(lock, log, "a"));
        await(settle());
        await(createTask(releaseFor(lock)));   // as in asyncio, the lock has no owner
        await(settle());
        assertEquals(List.of("a"), log);
        assertFalse(lock.isLocked());
        return completed();
    }
}
