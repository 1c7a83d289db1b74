package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static io.jasyncio.SyncFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventTest {
    @Async
    static Coroutine<Void> waiter(Event event, List<String> log, String name) {
        boolean r = await(event.waitUntilSet());
        log.add(name + "=" + r);
        return completed();
    }

    @Test
    void aNewEventIsNotSetAndSetClearToggleIt() {
        Event e = new Event();
        assertFalse(e.isSet());
        e.set();
        assertTrue(e.isSet());
        e.clear();
        assertFalse(e.isSet());
        assertEquals("Event[unset]", e.toString());
    }

    @Test
    void waitingOnASetEventReturnsTrueAtOnce() {
        runVirtual(waitOnSet());
    }

    @Async
    static Coroutine<Void> waitOnSet() {
        Event e = new Event();
        e.set();
        List<String> log = log();
        createTask(waiter(new Event(), log, "other"));
        assertTrue(await(e.waitUntilSet()));
        assertSame(e.waitUntilSet(), e.waitUntilSet(), "the set-event fast path allocates nothing");
        assertEquals(List.of(), log, "no trip through the loop");
        return completed();
    }

    @Test
    void setWakesEveryWaiterInOrder() {
        runVirtual(setWakesAll());
    }

    @Async
    static Coroutine<Void> setWakesAll() {
        Event e = new Event();
        List<String> log = log();
        for (String n : List.of("a", "b", "c")) {
            createTask(waiter(e, log, n));
        }
        await(settle());
        assertEquals(List.of(), log);
        assertEquals("Event[unset, waiters:3]", e.toString());
        e.set();
        await(settle());
        assertEquals(List.of("a=true", "b=true", "c=true"), log);
        assertEquals("Event[set]", e.toString());
        return completed();
    }

    @Test
    void waitersWokenBySetReturnEvenIfClearedBeforeTheyRun() {
        runVirtual(clearAfterSet());
    }

    @Async
    static Coroutine<Void> clearAfterSet() {
        Event e = new Event();
        List<String> log = log();
        createTask(waiter(e, log, "a"));
        await(settle());
        e.set();
        e.clear();
        createTask(waiter(e, log, "late"));
        await(settle());
        assertEquals(List.of("a=true"), log, "a was woken; the late waiter sees a cleared event and waits");
        e.set();
        await(settle());
        assertEquals(List.of("a=true", "late=true"), log);
        return completed();
    }

    @Test
    void aCancelledWaiterLeavesAndOthersStillWake() {
        runVirtual(cancelledWaiter());
    }

    @Async
    static Coroutine<Void> cancelledWaiter() {
        Event e = new Event();
        List<String> log = log();
        Task<Void> a = createTask(waiter(e, log, "a"));
        createTask(waiter(e, log, "b"));
        await(settle());
        a.cancel();
        await(settle());
        assertTrue(a.isCancelled());
        assertEquals("Event[unset, waiters:1]", e.toString(), "the cancelled waiter removed itself");
        e.set();
        await(settle());
        assertEquals(List.of("b=true"), log);
        return completed();
    }

    @Test
    void settingTwiceWakesOnce() {
        runVirtual(setTwice());
    }

    @Async
    static Coroutine<Void> setTwice() {
        Event e = new Event();
        List<String> log = log();
        createTask(waiter(e, log, "a"));
        await(settle());
        e.set();
        e.set();
        await(settle());
        assertEquals(List.of("a=true"), log);
        return completed();
    }
}
