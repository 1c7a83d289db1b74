package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static io.jasyncio.SyncFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class BarrierTest {
    /** Arrives and logs its index, or that the barrier broke. */
    @Async
    static Coroutine<Void> party(Barrier b, List<String> log, String name) {
        try {
            int i = await(b.arriveAndWait());
            log.add(name + ":" + i);
        } catch (BarrierBrokenException e) {
            log.add(name + ":broken");
        }
        return completed();
    }

    @Test
    void partiesBelowOneAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Barrier(0));
        assertTrue(e.getMessage().contains("Barrier(0)"), e.getMessage());
    }

    @Test
    void aBarrierOfOnePartyReleasesAtOnce() {
        runVirtual(oneParty());
    }

    @Async
    static Coroutine<Void> oneParty() {
        Barrier b = new Barrier(1);
        assertEquals(0, await(b.arriveAndWait()));
        assertEquals(0, await(b.arriveAndWait()));
        assertEquals(1, b.parties());
        return completed();
    }

    @Test
    void everyPartyWaitsForTheLastAndGetsItsArrivalIndex() {
        runVirtual(threeParties());
    }

    @Async
    static Coroutine<Void> threeParties() {
        Barrier b = new Barrier(3);
        List<String> log = log();
        createTask(party(b, log, "a"));
        createTask(party(b, log, "b"));
        await(settle());
        assertEquals(List.of(), log);
        assertEquals(2, b.nWaiting());
        assertEquals("Barrier[filling, waiters:2/3]", b.toString());
        int mine = await(b.arriveAndWait());
        assertEquals(2, mine, "the last to arrive");
        await(settle());
        assertEquals(List.of("a:0", "b:1"), log);
        assertEquals(0, b.nWaiting());
        assertFalse(b.isBroken());
        return completed();
    }

    @Test
    void theBarrierCanBeUsedForSeveralRounds() {
        runVirtual(rounds());
    }

    @Async
    static Coroutine<Void> rounds() {
        Barrier b = new Barrier(2);
        List<String> log = log();
        for (int round = 0; round < 3; round++) {
            createTask(party(b, log, "r" + round));
            await(settle());
            assertEquals(1, await(b.arriveAndWait()));
            await(settle());
        }
        assertEquals(List.of("r0:0", "r1:0", "r2:0"), log);
        return completed();
    }

    @Test
    void tasksArrivingWhileTheBarrierDrainsWaitForTheNextRound() {
        runVirtual(arriveWhileDraining());
    }

    @Async
    static Coroutine<Void> arriveWhileDraining() {
        Barrier b = new Barrier(2);
        List<String> log = log();
        createTask(party(b, log, "a"));
        await(settle());
        createTask(party(b, log, "c"));   // starts after the round below filled, while a is still inside
        assertEquals(1, await(b.arriveAndWait()));
        await(settle());
        assertEquals(List.of("a:0"), log, "c must not join the drained round");
        assertEquals(1, b.nWaiting());
        createTask(party(b, log, "d"));
        await(settle());
        assertEquals(List.of("a:0", "d:1", "c:0"), log, "d, last in, leaves at once; c was first in");
        return completed();
    }

    @Test
    void abortBreaksTheBarrierForWaitersAndLaterArrivals() {
        runVirtual(abort());
    }

    @Async
    static Coroutine<Void> abort() {
        Barrier b = new Barrier(3);
        List<String> log = log();
        createTask(party(b, log, "a"));
        createTask(party(b, log, "b"));
        await(settle());
        await(b.abort());
        await(settle());
        assertTrue(b.isBroken());
        assertEquals(List.of("a:broken", "b:broken"), log);
        try {
            await(b.arriveAndWait());
            fail("a broken barrier must refuse new arrivals");
        } catch (BarrierBrokenException e) {
            assertTrue(e.getMessage().contains("aborted"), e.getMessage());
        }
        assertEquals(0, b.nWaiting());
        return completed();
    }

    @Test
    void resetBreaksTheCurrentRoundButTheBarrierStaysUsable() {
        runVirtual(reset());
    }

    @Async
    static Coroutine<Void> reset() {
        Barrier b = new Barrier(2);
        List<String> log = log();
        createTask(party(b, log, "a"));
        await(settle());
        await(b.reset());
        await(settle());
        assertEquals(List.of("a:broken"), log);
        assertFalse(b.isBroken());
        assertEquals(0, b.nWaiting());
        createTask(party(b, log, "c"));
        await(settle());
        assertEquals(1, await(b.arriveAndWait()));
        await(settle());
        assertEquals(List.of("a:broken", "c:0"), log);
        return completed();
    }

    @Test
    void resettingAnEmptyBarrierLeavesItFilling() {
        runVirtual(resetEmpty());
    }

    @Async
    static Coroutine<Void> resetEmpty() {
        Barrier b = new Barrier(2);
        await(b.reset());
        assertEquals("Barrier[filling, waiters:0/2]", b.toString());
        await(b.abort());
        assertEquals("Barrier[broken, waiters:0/2]", b.toString());
        await(b.reset());
        assertFalse(b.isBroken(), "reset mends a broken barrier");
        return completed();
    }

    @Test
    void aCancelledPartyLeavesTheBarrier() {
        runVirtual(cancelledParty());
    }

    @Async
    static Coroutine<Void> cancelledParty() {
        Barrier b = new Barrier(2);
        List<String> log = log();
        Task<Void> a = createTask(party(b, log, "a"));
        await(settle());
        assertEquals(1, b.nWaiting());
        a.cancel();
        await(settle());
        assertTrue(a.isCancelled());
        assertEquals(0, b.nWaiting());
        createTask(party(b, log, "c"));
        await(settle());
        assertEquals(1, await(b.arriveAndWait()), "c arrived first in a fresh round");
        await(settle());
        assertEquals(List.of("c:0"), log);
        return completed();
    }

    @Test
    void cancellationOfAWaitingPartySurfacesAsCancellation() {
        runVirtual(cancellationSurfaces());
    }

    @Async
    static Coroutine<String> arriveReporting(Barrier b) {
        try {
            await(b.arriveAndWait());
            return completed("released");
        } catch (CancellationException e) {
            return completed("cancelled");
        }
    }

    @Async
    static Coroutine<Void> cancellationSurfaces() {
        Barrier b = new Barrier(2);
        Task<String> t = createTask(arriveReporting(b));
        await(settle());
        t.cancel();
        await(settle());
        assertEquals("cancelled", t.result());
        return completed();
    }
}
