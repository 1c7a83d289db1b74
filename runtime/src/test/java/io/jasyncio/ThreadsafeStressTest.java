package io.jasyncio;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link EventLoop#callSoonThreadsafe} under contention: many producer threads, one loop thread.
 * Every callback must run exactly once, each producer's callbacks in the order it scheduled them, and
 * a loop asleep in its selector must always be woken (a lost wake-up shows as a bounded wait expiring).
 */
class ThreadsafeStressTest {
    static final boolean LONG = Boolean.getBoolean("jasyncio.stress.long");
    static final int THREADS = 8;
    static final int PER_THREAD = LONG ? 1_000_000 : 100_000;
    /** Round trips in which the loop has gone to sleep before the next callback arrives. */
    static final int PING_PONGS = LONG ? 200_000 : 20_000;
    static final long BOUND_SECONDS = LONG ? 600 : 60;

    private final EventLoop loop = new EventLoop();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void eightProducersLoseNothingDuplicateNothingAndKeepTheirOrder() throws Exception {
        int[] next = new int[THREADS];          // loop thread only: the sequence number expected next per producer
        long[] ran = new long[1];
        List<String> violations = new ArrayList<>();
        long total = (long) THREADS * PER_THREAD;
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < PER_THREAD; i++) {
                        int seq = i;
                        loop.callSoonThreadsafe(() -> {
                            if (next[id] != seq && violations.size() < 10) {
                                violations.add("producer " + id + ": expected #" + next[id] + ", got #" + seq);
                            }
                            next[id] = seq + 1;
                            if (++ran[0] == total) {
                                loop.stop();
                            }
                        });
                        if ((i & 1023) == 0) {
                            Thread.yield();   // let the loop drain and fall asleep now and then
                        }
                    }
                } catch (Throwable e) {
                    producerFailure.set(e);
                }
            }, "producer-" + t);
            th.setDaemon(true);
            producers.add(th);
            th.start();
        }
        // The guard turns a lost wake-up or a lost callback into a failure instead of a hang.
        TimerHandle guard = loop.callLater(BOUND_SECONDS, loop::stop);
        loop.callSoon(start::countDown);
        loop.runForever();
        guard.cancel();
        for (Thread th : producers) {
            th.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(th.isAlive(), th.getName() + " did not finish");
        }
        assertNull(producerFailure.get());
        assertEquals(List.of(), violations, "per-producer order");
        assertEquals(total, ran[0], "callbacks run (lost or duplicated ones change the count)");
        for (int t = 0; t < THREADS; t++) {
            assertEquals(PER_THREAD, next[t], "producer " + t + "'s last callback ran last");
        }
        // Nothing left behind: one more iteration runs nothing.
        long before = ran[0];
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(before, ran[0]);
    }

    @Test
    void aSleepingLoopIsAlwaysWokenByAnotherThread() throws Exception {
        // Each round: the loop has nothing to do (no timers, no ready callbacks) so it blocks in select()
        // with no deadline; the producer then schedules one callback and waits (bounded) for it to run.
        int[] ran = new int[1];
        AtomicReference<String> failure = new AtomicReference<>();
        java.util.concurrent.Semaphore done = new java.util.concurrent.Semaphore(0);
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < PING_PONGS; i++) {
                    loop.callSoonThreadsafe(() -> {
                        ran[0]++;
                        done.release();
                    });
                    if (!done.tryAcquire(10, TimeUnit.SECONDS)) {
                        failure.set("round " + i + ": the callback did not run within 10 s (lost wake-up)");
                        loop.selector().wakeup();   // rescue the loop so the test ends
                        break;
                    }
                }
            } catch (InterruptedException e) {
                failure.set("interrupted");
            } finally {
                loop.callSoonThreadsafe(loop::stop);
            }
        }, "ping-pong");
        producer.setDaemon(true);
        producer.start();
        loop.runForever();
        producer.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(producer.isAlive());
        assertNull(failure.get());
        assertEquals(PING_PONGS, ran[0]);
        assertEquals(0, loop.scheduledTimerCount(), "no timer was involved: the loop slept without a deadline");
    }
}
