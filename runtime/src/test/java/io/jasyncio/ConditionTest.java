package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static io.jasyncio.SyncFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ConditionTest {
    /** Waits for one notification under the lock, then logs whether it holds the lock. */
    @Async
    static Coroutine<Void> waiter(Condition cond, List<String> log, String name) {
        try (var held = await(cond.acquire())) {
            boolean r = await(cond.waitUntilNotified());
            log.add(name + "=" + r + (cond.isLocked() ? " locked" : " UNLOCKED"));
        }
        return completed();
    }

    /** Like waiter, but reports a cancellation and whether the lock was held when it arrived. */
    @Async
    static Coroutine<Void> cancellableWaiter(Condition cond, List<String> log, String name) {
        await(cond.acquire());
        try {
            await(cond.waitUntilNotified());
            log.add(name + " notified");
        } catch (CancellationException e) {
            log.add(name + " cancelled" + (cond.isLocked() ? " locked" : " UNLOCKED"));
            throw e;
        } finally {
            cond.release();
        }
        return completed();
    }

    @Async
    static Coroutine<Void> notifyUnderLock(Condition cond, int n) {
        try (var held = await(cond.acquire())) {
            cond.notifyWaiters(n);
        }
        return completed();
    }

    @Test
    void waitingWithoutTheLockFails() {
        runVirtual(waitWithoutLock());
    }

    @Async
    static Coroutine<Void> waitWithoutLock() {
        Condition cond = new Condition();
        try {
            await(cond.waitUntilNotified());
            fail("expected IllegalStateException");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("un-acquired lock"), e.getMessage());
        }
        return completed();
    }

    @Test
    void notifyingWithoutTheLockFails() {
        Condition cond = new Condition();
        assertThrows(IllegalStateException.class, cond::notifyWaiters);
        assertThrows(IllegalStateException.class, () -> cond.notifyWaiters(2));
        IllegalStateException e = assertThrows(IllegalStateException.class, cond::notifyAllWaiters);
        assertTrue(e.getMessage().contains("un-acquired lock"), e.getMessage());
    }

    @Test
    void aNullLockIsRefused() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new Condition(null));
        assertTrue(e.getMessage().contains("lock"), e.getMessage());
    }

    @Test
    void waitReleasesTheLockAndRetakesItBeforeReturning() {
        runVirtual(waitReleasesLock());
    }

    @Async
    static Coroutine<Void> waitReleasesLock() {
        Condition cond = new Condition();
        List<String> log = log();
        createTask(waiter(cond, log, "a"));
        await(settle());
        assertFalse(cond.isLocked(), "the waiter gave the lock up while waiting");
        await(cond.acquire());
        cond.notifyWaiters();
        await(settle());
        assertEquals(List.of(), log, "notified, but the lock is still ours");
        cond.release();
        await(settle());
        assertEquals(List.of("a=true locked"), log);
        assertFalse(cond.isLocked());
        return completed();
    }

    @Test
    void notifyWakesTheRequestedNumberOfWaitersOldestFirst() {
        runVirtual(notifyCounts());
    }

    @Async
    static Coroutine<Void> notifyCounts() {
        Condition cond = new Condition();
        List<String> log = log();
        for (String n : List.of("a", "b", "c", "d")) {
            createTask(waiter(cond, log, n));
        }
        await(settle());
        await(notifyUnderLock(cond, 1));
        await(settle());
        assertEquals(List.of("a=true locked"), log);
        await(notifyUnderLock(cond, 2));
        await(settle());
        assertEquals(List.of("a=true locked", "b=true locked", "c=true locked"), log);
        await(cond.acquire());
        cond.notifyAllWaiters();
        cond.release();
        await(settle());
        assertEquals(4, log.size());
        assertEquals("d=true locked", log.get(3));
        return completed();
    }

    @Test
    void notifyAllWakesEveryWaiterAndEachRetakesTheLockInTurn() {
        runVirtual(notifyAll3());
    }

    @Async
    static Coroutine<Void> notifyAll3() {
        Condition cond = new Condition();
        List<String> log = log();
        for (String n : List.of("a", "b", "c")) {
            createTask(waiter(cond, log, n));
        }
        await(settle());
        assertEquals("Condition[unlocked, waiters:3]", cond.toString());
        await(cond.acquire());
        cond.notifyAllWaiters();
        cond.release();
        await(settle());
        assertEquals(List.of("a=true locked", "b=true locked", "c=true locked"), log);
        assertEquals("Condition[unlocked]", cond.toString());
        return completed();
    }

    @Test
    void waitForChecksThePredicateFirstAndAfterEachNotification() {
        runVirtual(waitFor());
    }

    @Async
    static Coroutine<Void> predicateWaiter(Condition cond, List<Integer> box, List<String> log) {
        try (var held = await(cond.acquire())) {
            boolean r = await(cond.waitFor(() -> {
                log.add("check");
                return box.size() >= 2;
            }));
            log.add("done=" + r);
        }
        return completed();
    }

    @Async
    static Coroutine<Void> waitFor() {
        Condition cond = new Condition();
        List<Integer> box = new ArrayList<>();
        List<String> log = log();
        createTask(predicateWaiter(cond, box, log));
        await(settle());
        assertEquals(List.of("check"), log);
        await(cond.acquire());
        box.add(1);
        cond.notifyAllWaiters();
        cond.release();
        await(settle());
        assertEquals(List.of("check", "check"), log, "woken, checked, still false: waits again");
        await(cond.acquire());
        box.add(2);
        cond.notifyAllWaiters();
        cond.release();
        await(settle());
        assertEquals(List.of("check", "check", "check", "done=true"), log);

        log.clear();
        await(cond.acquire());
        assertTrue(await(cond.waitFor(() -> true)), "a true predicate returns without waiting");
        assertTrue(cond.isLocked());
        cond.release();
        return completed();
    }

    @Test
    void aCancelledWaitStillRetakesTheLockBeforeRaising() {
        runVirtual(cancelledWaitRetakesLock());
    }

    @Async
    static Coroutine<Void> cancelledWaitRetakesLock() {
        Condition cond = new Condition();
        List<String> log = log();
        Task<Void> a = createTask(cancellableWaiter(cond, log, "a"));
        await(settle());
        await(cond.acquire());   // hold the lock so a's re-acquire has to wait
        a.cancel();
        await(settle());
        assertEquals(List.of(), log, "a is cancelled but must first get the lock back");
        cond.release();
        await(settle());
        assertEquals(List.of("a cancelled locked"), log);
        assertTrue(a.isCancelled());
        assertFalse(cond.isLocked());
        return completed();
    }

    @Test
    void aWaiterCancelledAfterBeingNotifiedPassesTheNotificationOn() {
        runVirtual(notificationNotLost());
    }

    @Async
    static Coroutine<Void> notificationNotLost() {
        Condition cond = new Condition();
        List<String> log = log();
        Task<Void> a = createTask(cancellableWaiter(cond, log, "a"));
        createTask(cancellableWaiter(cond, log, "b"));
        await(settle());
        await(cond.acquire());
        cond.notifyWaiters(1);   // notifies a ...
        a.cancel();              // ... which is cancelled before it runs
        cond.release();
        await(settle());
        assertTrue(a.isCancelled());
        assertEquals(List.of("a cancelled locked", "b notified"), log);
        return completed();
    }

    @Test
    void cancellationWhileRetakingTheLockIsRaisedOnceTheLockIsHeld() {
        runVirtual(cancelledDuringReacquire());
    }

    @Async
    static Coroutine<Void> cancelledDuringReacquire() {
        Condition cond = new Condition();
        List<String> log = log();
        Task<Void> a = createTask(cancellableWaiter(cond, log, "a"));
        await(settle());
        await(cond.acquire());
        cond.notifyWaiters();
        await(settle());         // a was notified and now waits for the lock
        a.cancel();
        await(settle());
        assertEquals(List.of(), log);
        cond.release();
        await(settle());
        assertEquals(List.of("a cancelled locked"), log);
        assertTrue(a.isCancelled());
        return completed();
    }

    @Test
    void conditionsSharingALockShareItsState() {
        runVirtual(sharedLock());
    }

    @Async
    static Coroutine<Void> sharedLock() {
        Lock lock = new Lock();
        Condition c1 = new Condition(lock);
        Condition c2 = new Condition(lock);
        await(c1.acquire());
        assertTrue(c2.isLocked());
        assertTrue(lock.isLocked());
        c2.notifyWaiters();   // allowed: the shared lock is held
        c2.release();
        assertFalse(c1.isLocked());
        return completed();
    }
}
