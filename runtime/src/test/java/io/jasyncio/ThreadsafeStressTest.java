package io.jasyncio;

import static io.jasyncio.Asyncio.await;
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

    static final int SUBMITS_PER_THREAD = LONG ? 50_000 : 2_000;

    @Async
    static Coroutine<Integer> job(int[] bodies, int v, double d) {
        bodies[0]++;
        try {
            await(Asyncio.sleep(d));
            return Asyncio.completed(2 * v);
        } finally {
            bodies[1]++;
        }
    }

    /** Awaits every other task of the loop; returns how many there were. */
    @Async
    static Coroutine<Integer> finishTheRest() {
        List<Task<?>> others = new ArrayList<>(Asyncio.allTasks());
        others.remove(Asyncio.currentTask());
        await(Asyncio.gather(true, others.toArray(new Awaitable<?>[0])));
        return Asyncio.completed(others.size());
    }

    @Test
    void runCoroutineThreadsafeFromEightThreadsWithCancellations() throws Exception {
        int[] bodies = new int[2];   // loop thread only: bodies entered, finallies run
        java.util.concurrent.atomic.AtomicInteger results = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger cancelled = new java.util.concurrent.atomic.AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    java.util.Random rnd = new java.util.Random(id);
                    List<java.util.concurrent.CompletableFuture<Integer>> cfs = new ArrayList<>();
                    for (int i = 0; i < SUBMITS_PER_THREAD; i++) {
                        cfs.add(Asyncio.runCoroutineThreadsafe(job(bodies, id * SUBMITS_PER_THREAD + i, rnd.nextDouble() * 0.02), loop));
                        if (rnd.nextInt(8) == 0) {
                            cfs.get(rnd.nextInt(cfs.size())).cancel(false);   // mostly before the job starts
                        }
                    }
                    for (int i = 0; i < cfs.size(); i++) {
                        if (rnd.nextInt(8) == 0) {
                            cfs.get(i).cancel(false);   // running, sleeping or done by now
                        }
                        try {
                            int v = cfs.get(i).get(30, TimeUnit.SECONDS);
                            if (v != 2 * (id * SUBMITS_PER_THREAD + i)) {
                                failure.compareAndSet(null, "wrong result " + v + " for job " + i + " of thread " + id);
                            }
                            results.incrementAndGet();
                        } catch (java.util.concurrent.CancellationException e) {
                            cancelled.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, "thread " + id + ": " + e);
                } finally {
                    finished.countDown();
                }
            }, "submitter-" + t);
            th.setDaemon(true);
            th.start();
        }
        Thread stopper = new Thread(() -> {
            try {
                finished.await(BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // stop anyway
            }
            loop.callSoonThreadsafe(loop::stop);   // queued after every cancellation the submitters sent
        }, "stopper");
        stopper.setDaemon(true);
        stopper.start();
        loop.runForever();
        assertEquals(0, finished.getCount(), "every submitter finished");
        assertNull(failure.get());
        // Tasks whose futures were cancelled may still be unwinding: let them finish, bounded.
        int unwinding = CancellationStressTest.runBounded(loop, loop.createTask(finishTheRest()), 30);
        assertEquals(List.of(), loop.allTasks());
        assertEquals(THREADS * SUBMITS_PER_THREAD, results.get() + cancelled.get());
        assertTrue(cancelled.get() > 0 && results.get() > 0);
        assertEquals(bodies[0], bodies[1], "each started job's finally ran once");
        assertTrue(bodies[0] >= results.get(), "every result came from a job that ran");
        System.out.printf("ThreadsafeStressTest: %d submitted from %d threads: %d results, %d cancelled, %d bodies entered, %d tasks still unwinding at the end%n",
                THREADS * SUBMITS_PER_THREAD, THREADS, results.get(), cancelled.get(), bodies[0], unwinding);
    }
}
