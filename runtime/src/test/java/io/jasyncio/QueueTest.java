package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static io.jasyncio.SyncFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueTest {
    /** Gets one item and logs it (or the shutdown). */
    @Async
    static Coroutine<Void> getter(AsyncQueue<String> q, List<String> log, String name) {
        try {
            String item = await(q.get());
            log.add(name + "<-" + item);
        } catch (QueueShutDownException e) {
            log.add(name + ":shutdown");
        }
        return completed();
    }

    /** Puts one item and logs that it went in (or the shutdown). */
    @Async
    static Coroutine<Void> putter(AsyncQueue<String> q, List<String> log, String item) {
        try {
            await(q.put(item));
            log.add("put " + item);
        } catch (QueueShutDownException e) {
            log.add(item + ":shutdown");
        }
        return completed();
    }

    static List<String> drain(AsyncQueue<String> q) {
        List<String> out = new ArrayList<>();
        while (!q.isEmpty()) {
            out.add(q.getNowait());
        }
        return out;
    }

    @Test
    void itemsComeOutInFifoOrder() {
        AsyncQueue<String> q = new AsyncQueue<>();
        q.putNowait("a");
        q.putNowait("b");
        q.putNowait("c");
        assertEquals(3, q.qsize());
        assertEquals(List.of("a", "b", "c"), drain(q));
        assertEquals(0, q.qsize());
    }

    @Test
    void sizeEmptyAndFullFollowTheContents() {
        AsyncQueue<String> q = new AsyncQueue<>(2);
        assertEquals(2, q.maxsize());
        assertTrue(q.isEmpty());
        assertFalse(q.isFull());
        q.putNowait("a");
        assertFalse(q.isEmpty());
        assertFalse(q.isFull());
        q.putNowait("b");
        assertTrue(q.isFull());
        assertEquals("AsyncQueue[maxsize=2, size=2, tasks=2]", q.toString());
    }

    @Test
    void anUnboundedQueueIsNeverFull() {
        AsyncQueue<Integer> q = new AsyncQueue<>(0);
        AsyncQueue<Integer> negative = new AsyncQueue<>(-1);
        for (int i = 0; i < 1000; i++) {
            q.putNowait(i);
            negative.putNowait(i);
        }
        assertFalse(q.isFull());
        assertFalse(negative.isFull());
        assertEquals(1000, q.qsize());
    }

    @Test
    void getNowaitOnAnEmptyQueueAndPutNowaitOnAFullOneFail() {
        AsyncQueue<String> q = new AsyncQueue<>(1);
        QueueEmptyException empty = assertThrows(QueueEmptyException.class, q::getNowait);
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        q.putNowait("a");
        QueueFullException full = assertThrows(QueueFullException.class, () -> q.putNowait("b"));
        assertTrue(full.getMessage().contains("maxsize 1"), full.getMessage());
        assertEquals(List.of("a"), drain(q), "the refused item did not go in");
    }

    @Test
    void nullItemsAreRefused() {
        AsyncQueue<String> q = new AsyncQueue<>();
        NullPointerException e = assertThrows(NullPointerException.class, () -> q.putNowait(null));
        assertTrue(e.getMessage().contains("putNowait"), e.getMessage());
        NullPointerException viaPut = assertThrows(NullPointerException.class, () -> q.put(null));
        assertTrue(viaPut.getMessage().contains("AsyncQueue.put:"), viaPut.getMessage());
        assertTrue(q.isEmpty());
    }

    @Test
    void aLifoQueueReturnsTheNewestItemFirst() {
        AsyncQueue<String> q = new AsyncLifoQueue<>();
        q.putNowait("a");
        q.putNowait("b");
        q.putNowait("c");
        assertEquals(List.of("c", "b", "a"), drain(q));
    }

    @Test
    void aPriorityQueueReturnsTheSmallestItemFirst() {
        AsyncQueue<Integer> q = new AsyncPriorityQueue<>();
        for (int i : new int[] {5, 1, 4, 2, 3}) {
            q.putNowait(i);
        }
        List<Integer> out = new ArrayList<>();
        while (!q.isEmpty()) {
            out.add(q.getNowait());
        }
        assertEquals(List.of(1, 2, 3, 4, 5), out);

        AsyncQueue<String> byLength = new AsyncPriorityQueue<>(0, Comparator.comparingInt(String::length));
        byLength.putNowait("ccc");
        byLength.putNowait("a");
        byLength.putNowait("bb");
        assertEquals(List.of("a", "bb", "ccc"), drain(byLength));
    }

    @Test
    void aBoundedLifoQueueIsFullAtItsMaxsize() {
        AsyncQueue<String> q = new AsyncLifoQueue<>(1);
        q.putNowait("a");
        assertThrows(QueueFullException.class, () -> q.putNowait("b"));
    }

    @Test
    void getWaitsForAnItem() {
        runVirtual(getWaits());
    }

    @Async
    static Coroutine<Void> getWaits() {
        AsyncQueue<String> q = new AsyncQueue<>();
        List<String> log = log();
        createTask(getter(q, log, "g"));
        await(settle());
        assertEquals(List.of(), log);
        assertEquals("AsyncQueue[maxsize=0, size=0, getters:1]", q.toString());
        await(q.put("x"));
        await(settle());
        assertEquals(List.of("g<-x"), log);
        assertTrue(q.isEmpty());
        return completed();
    }

    @Test
    void getReturnsAnAvailableItemWithoutALoopTrip() {
        runVirtual(getAvailable());
    }

    @Async
    static Coroutine<Void> getAvailable() {
        AsyncQueue<String> q = new AsyncQueue<>();
        List<String> log = log();
        q.putNowait("x");
        createTask(putter(q, log, "other"));
        assertEquals("x", await(q.get()));
        assertEquals(List.of(), log, "the other task did not get to run");
        await(settle());
        return completed();
    }

    @Test
    void putWaitsForRoomInAFullQueue() {
        runVirtual(putWaits());
    }

    @Async
    static Coroutine<Void> putWaits() {
        AsyncQueue<String> q = new AsyncQueue<>(1);
        List<String> log = log();
        await(q.put("a"));
        createTask(putter(q, log, "b"));
        await(settle());
        assertEquals(List.of(), log);
        assertEquals("a", q.getNowait());
        await(settle());
        assertEquals(List.of("put b"), log);
        assertEquals(List.of("b"), drain(q));
        return completed();
    }

    @Test
    void blockedGettersAreServedInFifoOrder() {
        runVirtual(gettersFifo());
    }

    @Async
    static Coroutine<Void> gettersFifo() {
        AsyncQueue<String> q = new AsyncQueue<>();
        List<String> log = log();
        for (String n : List.of("g1", "g2", "g3")) {
            createTask(getter(q, log, n));
        }
        await(settle());
        q.putNowait("x");
        q.putNowait("y");
        q.putNowait("z");
        await(settle());
        assertEquals(List.of("g1<-x", "g2<-y", "g3<-z"), log);
        return completed();
    }

    @Test
    void blockedPuttersAreServedInFifoOrder() {
        runVirtual(puttersFifo());
    }

    @Async
    static Coroutine<Void> puttersFifo() {
        AsyncQueue<String> q = new AsyncQueue<>(1);
        List<String> log = log();
        q.putNowait("first");
        for (String n : List.of("a", "b", "c")) {
            createTask(putter(q, log, n));
        }
        await(settle());
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            got.add(await(q.get()));
            await(settle());
        }
        assertEquals(List.of("first", "a", "b", "c"), got);
        assertEquals(List.of("put a", "put b", "put c"), log);
        return completed();
    }

    @Test
    void aCancelledGetterLosesNoItem() {
        runVirtual(cancelledGetter());
    }

    @Async
    static Coroutine<Void> cancelledGetter() {
        AsyncQueue<String> q = new AsyncQueue<>();
        List<String> log = log();
        Task<Void> g1 = createTask(getter(q, log, "g1"));
        createTask(getter(q, log, "g2"));
        await(settle());
        g1.cancel();
        await(settle());
        q.putNowait("x");
        await(settle());
        assertTrue(g1.isCancelled());
        assertEquals(List.of("g2<-x"), log);
        return completed();
    }

    @Test
    void aGetterCancelledAfterBeingWokenWakesTheNextGetter() {
        runVirtual(cancelledAfterWakeUp());
    }

    @Async
    static Coroutine<Void> cancelledAfterWakeUp() {
        AsyncQueue<String> q = new AsyncQueue<>();
        List<String> log = log();
        Task<Void> g1 = createTask(getter(q, log, "g1"));
        createTask(getter(q, log, "g2"));
        await(settle());
        q.putNowait("x");   // wakes g1 ...
        g1.cancel();        // ... which is cancelled before it runs
        await(settle());
        assertTrue(g1.isCancelled());
        assertEquals(List.of("g2<-x"), log, "the item reaches g2");
        assertTrue(q.isEmpty());
        return completed();
    }

    @Test
    void aPutterCancelledAfterBeingWokenWakesTheNextPutter() {
        runVirtual(putterCancelledAfterWakeUp());
    }

    @Async
    static Coroutine<Void> putterCancelledAfterWakeUp() {
        AsyncQueue<String> q = new AsyncQueue<>(1);
        List<String> log = log();
        q.putNowait("first");
        Task<Void> p1 = createTask(putter(q, log, "a"));
        createTask(putter(q, log, "b"));
        await(settle());
        assertEquals("first", q.getNowait());   // wakes a ...
        p1.cancel();                            // ... which is cancelled before it runs
        await(settle());
        assertTrue(p1.isCancelled());
        assertEquals(List.of("put b"), log, "the free slot reaches b");
        assertEquals(List.of("b"), drain(q));
        return completed();
    }

    @Test
    void aCancelledPutterPutsNothing() {
        runVirtual(cancelledPutter());
    }

    @Async
    static Coroutine<Void> cancelledPutter() {
        AsyncQueue<String> q = new AsyncQueue<>(1);
        List<String> log = log();
        q.putNowait("first");
        Task<Void> p = createTask(putter(q, log, "a"));
        await(settle());
        p.cancel();
        await(settle());
        assertEquals(List.of("first"), drain(q));
        await(settle());
        assertTrue(q.isEmpty(), "the cancelled put never went in");
        assertEquals(List.of(), log);
        return completed();
    }

    @Test
    void taskDoneMoreOftenThanPutFails() {
        AsyncQueue<String> q = new AsyncQueue<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, q::taskDone);
        assertTrue(e.getMessage().contains("too many times"), e.getMessage());
        q.putNowait("a");
        q.getNowait();
        q.taskDone();
        assertThrows(IllegalStateException.class, q::taskDone);
    }

    @Test
    void joinWaitsUntilEveryItemIsMarkedDone() {
        runVirtual(join());
    }

    @Async
    static Coroutine<Void> joiner(AsyncQueue<String> q, List<String> log) {
        await(q.join());
        log.add("joined");
        return completed();
    }

    @Async
    static Coroutine<Void> join() {
        AsyncQueue<String> q = new AsyncQueue<>();
        List<String> log = log();
        await(q.join());   // nothing put: returns at once
        q.putNowait("a");
        q.putNowait("b");
        createTask(joiner(q, log));
        await(settle());
        q.getNowait();
        q.getNowait();
        q.taskDone();
        await(settle());
        assertEquals(List.of(), log, "one item is still being processed");
        q.taskDone();
        await(settle());
        assertEquals(List.of("joined"), log);
        return completed();
    }

    @Test
    void afterShutdownPutFailsAndGetDrainsThenFails() {
        runVirtual(shutdown());
    }

    @Async
    static Coroutine<Void> shutdown() {
        AsyncQueue<String> q = new AsyncQueue<>();
        q.putNowait("a");
        q.shutdown();
        assertTrue(q.isShutdown());
        assertThrows(QueueShutDownException.class, () -> q.putNowait("b"));
        try {
            await(q.put("b"));
            fail("put after shutdown");
        } catch (QueueShutDownException e) {
            assertTrue(e.getMessage().contains("shut down"), e.getMessage());
        }
        assertEquals("a", await(q.get()), "items put before the shutdown can still be taken");
        try {
            await(q.get());
            fail("get from a shut down, empty queue");
        } catch (QueueShutDownException e) {
            assertTrue(e.getMessage().contains("shut down and empty"), e.getMessage());
        }
        assertThrows(QueueShutDownException.class, q::getNowait);
        return completed();
    }

    @Test
    void shutdownWakesBlockedGettersAndPutters() {
        runVirtual(shutdownWakes());
    }

    @Async
    static Coroutine<Void> shutdownWakes() {
        AsyncQueue<String> empty = new AsyncQueue<>();
        AsyncQueue<String> full = new AsyncQueue<>(1);
        full.putNowait("x");
        List<String> log = log();
        createTask(getter(empty, log, "g"));
        createTask(putter(full, log, "p"));
        await(settle());
        empty.shutdown();
        full.shutdown();
        await(settle());
        assertEquals(List.of("g:shutdown", "p:shutdown"), log);
        assertEquals(List.of("x"), drain(full));
        return completed();
    }

    @Test
    void immediateShutdownDropsTheItemsAndReleasesJoin() {
        runVirtual(immediateShutdown());
    }

    @Async
    static Coroutine<Void> immediateShutdown() {
        AsyncQueue<String> q = new AsyncQueue<>();
        List<String> log = log();
        q.putNowait("a");
        q.putNowait("b");
        q.putNowait("c");
        q.getNowait();     // taken, not yet marked done
        createTask(joiner(q, log));
        await(settle());
        q.shutdown(true);
        assertTrue(q.isEmpty());
        await(settle());
        assertEquals(List.of(), log, "the item taken before is still unfinished");
        q.taskDone();
        await(settle());
        assertEquals(List.of("joined"), log);
        assertThrows(QueueShutDownException.class, q::getNowait);
        assertThrows(IllegalStateException.class, q::taskDone, "dropped items count as done");
        return completed();
    }

    @Test
    void aGetThatTimesOutTakesNoItem() {
        runVirtual(timedOutGet());
    }

    @Async
    static Coroutine<Void> timedOutGet() {
        AsyncQueue<String> q = new AsyncQueue<>();
        List<String> log = log();
        try {
            await(waitFor(q.get(), 2.0));
            fail("nothing was put: the get must time out");
        } catch (AsyncTimeoutException e) {
            // expected
        }
        createTask(getter(q, log, "g"));
        await(settle());
        q.putNowait("x");
        await(settle());
        assertEquals(List.of("g<-x"), log);
        return completed();
    }

    @Test
    void immediateShutdownOfAQueueNobodyTookFromReleasesJoinAtOnce() {
        runVirtual(immediateShutdownUntaken());
    }

    @Async
    static Coroutine<Void> immediateShutdownUntaken() {
        AsyncQueue<String> q = new AsyncQueue<>(2);
        List<String> log = log();
        q.putNowait("a");
        q.putNowait("b");
        createTask(joiner(q, log));
        createTask(putter(q, log, "c"));
        await(settle());
        q.shutdown(true);
        await(settle());
        assertEquals(List.of("joined", "c:shutdown"), log);
        assertEquals(0, q.qsize());
        return completed();
    }

    @Test
    void aBlockedPriorityGetterGetsTheSmallestOfTheItemsPutMeanwhile() {
        runVirtual(priorityGetter());
    }

    @Async
    static Coroutine<Void> priorityGetter() {
        AsyncQueue<String> q = new AsyncPriorityQueue<>();
        List<String> log = log();
        createTask(getter(q, log, "g1"));
        createTask(getter(q, log, "g2"));
        await(settle());
        q.putNowait("m");   // wakes g1, which takes the smallest item there is when it runs
        q.putNowait("c");
        q.putNowait("x");
        await(settle());
        assertEquals(List.of("g1<-c", "g2<-m"), log);
        assertEquals(List.of("x"), drain(q));
        return completed();
    }
}
