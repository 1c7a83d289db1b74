package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 100,000 tasks (1,000,000 in the long run) awaiting sleeps, futures, gathers, locks, semaphores, queues,
 * events, conditions, timeouts, task groups and shields, cancelled at random (seeded, so a failure replays): every {@code finally} runs
 * exactly once, no task stays pending, no live timer stays scheduled and no primitive keeps a waiter.
 */
class CancellationStressTest {
    static final boolean LONG = Boolean.getBoolean("jasyncio.stress.long");
    static final int TASKS = LONG ? 1_000_000 : 100_000;
    static final int BATCH = 1_000;
    static final long SEED = Long.getLong("jasyncio.stress.seed", 20261122L);

    private final EventLoop loop = new EventLoop(new VirtualClock());

    @AfterEach
    void close() {
        loop.close();
    }

    /** Shared state of one run: what the workers touch and what the assertions read. */
    static final class World {
        final byte[] started = new byte[TASKS];
        final byte[] finallies = new byte[TASKS];
        final List<Task<Integer>> tasks = new ArrayList<>(TASKS);
        final Lock[] locks = {new Lock(), new Lock(), new Lock(), new Lock()};
        final Semaphore[] semaphores = {new Semaphore(2), new Semaphore(3)};
        final List<AsyncQueue<Integer>> queues = List.of(new AsyncQueue<>(2), new AsyncQueue<>(5), new AsyncQueue<>(1));
        final Event event = new Event();
        final Condition condition = new Condition();
        int lockViolations;
        final boolean[] inside = new boolean[4];
        int cancelRequests;
        int childStarted;
        /** Items whose put() returned, items a get() returned, items left in the queues at the end. */
        final List<Integer> put = new ArrayList<>();
        final List<Integer> got = new ArrayList<>();
        final List<Integer> left = new ArrayList<>();
        int childFinallies;
        int cancelledBeforeStart;
    }

    static final int KINDS = 12;

    @Async
    static Coroutine<Integer> worker(World w, int i, int kind, double d) {
        w.started[i]++;
        try {
            switch (kind) {
                case 0 -> await(sleep(d));
                case 1 -> {
                    Future<Integer> f = getRunningLoop().createFuture();
                    TimerHandle h = getRunningLoop().callLater(d, () -> {
                        if (!f.isDone()) {
                            f.setResult(i);
                        }
                    });
                    try {
                        await(f);
                    } finally {
                        h.cancel();
                    }
                }
                case 2 -> await(gather(sleep(d), sleep(d / 2), leaf(d / 3)));
                case 3 -> {
                    int k = i % w.locks.length;
                    await(w.locks[k].acquire());
                    try {
                        if (w.inside[k]) {
                            w.lockViolations++;
                        }
                        w.inside[k] = true;
                        await(sleep(d / 10));
                    } finally {
                        w.inside[k] = false;
                        w.locks[k].release();
                    }
                }
                case 4 -> {
                    Semaphore s = w.semaphores[i % w.semaphores.length];
                    await(s.acquire());
                    try {
                        await(sleep(d / 5));
                    } finally {
                        s.release();
                    }
                }
                case 5 -> {
                    await(w.queues.get(i % 3).put(i));
                    w.put.add(i);   // the put returned: the item is in the queue
                }
                case 6 -> w.got.add(await(w.queues.get(i % 3).get()));
                case 7 -> await(waitFor(sleep(d * 2), d));   // times out, or is cancelled first
                case 8 -> await(w.event.waitUntilSet());
                case 9 -> {
                    try (TaskGroup tg = new TaskGroup()) {   // cancelling the task cancels both children
                        tg.createTask(child(w, d));
                        tg.createTask(child(w, d / 2));
                    }
                }
                case 10 -> await(shield(createTask(child(w, d))));   // the inner task outlives a cancelled outer one
                default -> {
                    await(w.condition.acquire());
                    try {
                        await(w.condition.waitUntilNotified());
                    } finally {
                        w.condition.release();
                    }
                }
            }
            return completed(i);
        } finally {
            w.finallies[i]++;
            if ((i & 3) == 0) {
                await(sleep(0));   // a finally that itself suspends (and may be cancelled again)
            }
        }
    }

    @Async
    static Coroutine<Void> child(World w, double d) {
        w.childStarted++;
        try {
            await(sleep(d));
        } finally {
            w.childFinallies++;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> leaf(double d) {
        await(sleep(d));
        return completed();
    }

    @Async
    static Coroutine<Void> driver(World w) {
        Random rnd = new Random(SEED);
        for (int b = 0; b < TASKS; b += BATCH) {
            for (int i = b; i < b + BATCH; i++) {
                Task<Integer> t = createTask(worker(w, i, rnd.nextInt(KINDS), 0.001 + rnd.nextDouble() * 0.05));
                w.tasks.add(t);
                if (rnd.nextInt(20) == 0) {
                    t.cancel("before it started");
                    w.cancelRequests++;
                }
            }
            if (rnd.nextBoolean()) {
                await(w.condition.acquire());
                w.condition.notifyWaiters(1 + rnd.nextInt(5));
                w.condition.release();
            }
            if (rnd.nextInt(4) == 0) {
                w.event.set();
                w.event.clear();
            }
            for (int k = 0; k < 3; k++) {
                await(sleep(rnd.nextDouble() * 0.02));
                // Cancel some from this and earlier batches: running, waiting, finishing or already done.
                for (int c = 0; c < BATCH / 5; c++) {
                    Task<Integer> t = w.tasks.get(rnd.nextInt(w.tasks.size()));
                    t.cancel();
                    w.cancelRequests++;
                    if (rnd.nextInt(10) == 0) {
                        t.cancel("twice");
                    }
                }
            }
        }
        // Release every waiter that nothing else would: the event, the condition, the queues.
        w.event.set();
        await(w.condition.acquire());
        w.condition.notifyAllWaiters();
        w.condition.release();
        for (AsyncQueue<Integer> q : w.queues) {
            while (!q.isEmpty()) {
                w.left.add(q.getNowait());
            }
            q.shutdown(true);
        }
        List<Object> outcomes = await(gather(true, w.tasks.toArray(new Awaitable<?>[0])));
        assertEquals(TASKS, outcomes.size());
        await(sleep(1.0));   // shielded inner tasks finish on their own
        return completed();
    }

    @Test
    void everyFinallyRunsOnceAndNothingIsLeftBehind() throws Exception {
        World w = new World();
        Task<Void> main = loop.createTask(driver(w));
        runBounded(loop, main, LONG ? 1200 : 90);
        main.result();

        int cancelled = 0;
        int notStarted = 0;
        for (int i = 0; i < TASKS; i++) {
            Task<Integer> t = w.tasks.get(i);
            assertTrue(t.isDone(), "task " + i + " still pending");
            assertTrue(w.started[i] <= 1, "task " + i + " entered " + w.started[i] + " times");
            assertEquals(w.started[i], w.finallies[i], "task " + i + ": finally runs exactly once iff the body started");
            if (t.isCancelled()) {
                cancelled++;
            } else {
                Throwable e = t.exception();
                assertTrue(e == null || e instanceof QueueShutDownException || e instanceof AsyncTimeoutException,
                        "task " + i + " failed with " + e);
            }
            if (w.started[i] == 0) {
                notStarted++;
                assertTrue(t.isCancelled(), "a task that never ran was cancelled before its first step");
            }
        }
        // Queues: no item lost or duplicated however its producer or consumer was cancelled.
        List<Integer> accounted = new ArrayList<>(w.got);
        accounted.addAll(w.left);
        java.util.Collections.sort(accounted);
        List<Integer> put = new ArrayList<>(w.put);
        java.util.Collections.sort(put);
        assertEquals(put, accounted, "items put = items got + items left");
        assertTrue(w.got.size() > 0 && w.put.size() > 0);
        assertTrue(w.childStarted > 0);
        assertEquals(w.childStarted, w.childFinallies, "task-group and shielded children: each finally once");
        assertEquals(0, w.lockViolations, "two holders of one lock at once");
        assertTrue(cancelled > TASKS / 10, "the run cancelled a fair share: " + cancelled);
        assertTrue(notStarted > 0, "some tasks were cancelled before their first step");
        assertEquals(List.of(), loop.allTasks(), "no task left pending");

        // Timers: every live one has fired or been cancelled; cancelled ones may still sit in the heap
        // (dropped lazily, or by compaction once they are the majority) until the loop next looks at it.
        TimerQueue timers = timersOf(loop);
        assertEquals(0, loop.scheduledTimerCount() - timers.cancelledCount(), "live timers left");
        loop.runUntilComplete(loop.createTask(sleep(1e6)));
        assertEquals(0, loop.scheduledTimerCount(), "a later deadline purges every cancelled timer before it");

        for (Lock l : w.locks) {
            assertFalse(l.isLocked());
            assertEquals(0, waiters(l, "waiters"), l.toString());
        }
        for (Semaphore s : w.semaphores) {
            assertEquals(0, waiters(s, "waiters"), s.toString());
        }
        for (AsyncQueue<Integer> q : w.queues) {
            assertEquals(0, waiters(q, "getters"), q.toString());
            assertEquals(0, waiters(q, "putters"), q.toString());
        }
        assertEquals(0, waiters(w.event, "waiters"));
        assertEquals(0, waiters(w.condition, "waiters"));
        assertFalse(w.condition.isLocked());
        System.out.printf("CancellationStressTest: %d tasks (+%d children), %d cancel requests, %d cancelled, %d before their first step; queues: %d put, %d got, %d left%n",
                TASKS, w.childStarted, w.cancelRequests, cancelled, notStarted, w.put.size(), w.got.size(), w.left.size());
    }

    // ---------------------------------------------------------------- shared helpers of the stress tests

    /**
     * Runs the loop until {@code f} is done, bounded in real time (the loop may run on virtual time):
     * a watchdog thread cancels {@code f} through {@link EventLoop#callSoonThreadsafe} when time is up.
     */
    static <T> T runBounded(EventLoop loop, Future<T> f, long seconds) {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stress-watchdog");
            t.setDaemon(true);
            return t;
        });
        try {
            watchdog.schedule(() -> loop.callSoonThreadsafe(() -> f.cancel("stress test bound of " + seconds + " s reached")),
                    seconds, TimeUnit.SECONDS);
            return loop.runUntilComplete(f);
        } finally {
            watchdog.shutdownNow();
        }
    }

    static TimerQueue timersOf(EventLoop loop) throws ReflectiveOperationException {
        var field = EventLoop.class.getDeclaredField("timers");
        field.setAccessible(true);
        return (TimerQueue) field.get(loop);
    }

    /** The number of waiters a primitive holds in its {@link Waiters} field. */
    static int waiters(Object primitive, String field) throws ReflectiveOperationException {
        for (Class<?> c = primitive.getClass(); c != null; c = c.getSuperclass()) {
            try {
                var f = c.getDeclaredField(field);
                f.setAccessible(true);
                return ((Waiters) f.get(primitive)).size();
            } catch (NoSuchFieldException next) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(primitive.getClass() + "." + field);
    }
}
