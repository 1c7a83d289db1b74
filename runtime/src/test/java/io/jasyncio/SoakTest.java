package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A soak: one loop runs many rounds of create / await / cancel / time out / lock / connect / close against
 * its own stream server on loopback. After each round the heap is measured after forced GC; the retained
 * heap of the last rounds must not exceed that of the early rounds by more than {@link #MARGIN_BYTES}, and
 * socket descriptors, tasks and live timers must be back to where they started.
 */
class SoakTest {
    static final boolean LONG = Boolean.getBoolean("jasyncio.stress.long");
    static final int ROUNDS = LONG ? 600 : 40;
    /** Rounds before the baseline: class loading, JIT and buffer pools settle first. */
    static final int WARM_UP = 5;
    /** The window compared at each end (medians, so one GC hiccup does not decide). */
    static final int WINDOW = 5;
    /** Growth allowed from the early window to the last: 8 MiB (a leak of 1 KiB per task would exceed it). */
    static final long MARGIN_BYTES = 8L << 20;
    static final int TASKS_PER_ROUND = 2_000;
    static final int CONNECTIONS_PER_ROUND = 40;

    private final EventLoop loop = new EventLoop();

    @AfterEach
    void close() {
        loop.close();
    }

    @Async
    static Coroutine<Integer> round(int r) {
        Random rnd = new Random(r);
        // Tasks: half cancelled at a random point, some timed out, some contending for a lock.
        List<Task<Object>> tasks = new ArrayList<>();
        Lock lock = new Lock();
        int[] inside = {0};
        for (int i = 0; i < TASKS_PER_ROUND; i++) {
            tasks.add(createTask(work(i % 4, rnd.nextDouble() * 0.002, lock, inside)));
        }
        await(sleep(0.001));
        for (int i = 0; i < TASKS_PER_ROUND; i += 2) {
            tasks.get(i).cancel();
        }
        List<Object> outcomes = await(gather(true, tasks.toArray(new Awaitable<?>[0])));
        assertEquals(TASKS_PER_ROUND, outcomes.size());

        // Connections: a fresh server, clients that echo a checksummed payload and close.
        NetworkFaultTest.Seen seen = new NetworkFaultTest.Seen();
        Server server = await(startServer((rd, wr) -> NetworkFaultTest.serve(seen, rd, wr), "127.0.0.1", 0));
        int port = server.localAddress().getPort();
        List<Task<Boolean>> clients = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS_PER_ROUND; i++) {
            clients.add(createTask(echoOnce(port, 1 + rnd.nextInt(32 * 1024), r * 1000L + i)));
        }
        for (Boolean ok : await(gather(clients))) {
            assertTrue(ok);
        }
        server.close();
        await(server.waitClosed());
        assertEquals(CONNECTIONS_PER_ROUND, seen.received.size());
        return completed(outcomes.size());
    }

    @Async
    static Coroutine<Object> work(int kind, double d, Lock lock, int[] inside) {
        switch (kind) {
            case 0 -> await(sleep(d));
            case 1 -> {
                try {
                    await(waitFor(sleep(1.0), d));
                } catch (AsyncTimeoutException expected) {
                    return completed("timed out");
                }
            }
            case 2 -> {
                await(lock.acquire());
                try {
                    assertEquals(0, inside[0]++);
                    await(sleep(0));
                } finally {
                    inside[0]--;
                    lock.release();
                }
            }
            default -> await(gather(sleep(d), sleep(d / 2)));
        }
        return completed(kind);
    }

    @Async
    static Coroutine<Boolean> echoOnce(int port, int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        if (data[0] == NetworkFaultTest.FLOOD) {
            data[0] = 0;
        }
        StreamPair conn = await(openConnection("127.0.0.1", port));
        conn.writer().write(data);
        conn.writer().writeEof();
        byte[] echo = await(conn.reader().read(-1));
        conn.writer().close();
        await(conn.writer().waitClosed());
        return completed(Arrays.equals(data, echo));
    }

    @Test
    void retainedHeapSocketsTasksAndTimersStayFlat() throws Exception {
        NetworkFaultTest.warmUpJdkSockets();
        long socketsBefore = NetworkFaultTest.socketFds();
        long[] heap = new long[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            int done = CancellationStressTest.runBounded(loop, loop.createTask(round(r)), LONG ? 120 : 30);
            assertEquals(TASKS_PER_ROUND, done);
            assertEquals(List.of(), loop.allTasks(), "round " + r + " left tasks pending");
            assertEquals(0, loop.scheduledTimerCount() - CancellationStressTest.timersOf(loop).cancelledCount(),
                    "round " + r + " left live timers");
            assertEquals(socketsBefore, NetworkFaultTest.socketFds(), "round " + r + " left sockets open");
            heap[r] = usedHeapAfterGc();
        }
        long early = median(Arrays.copyOfRange(heap, WARM_UP, WARM_UP + WINDOW));
        long late = median(Arrays.copyOfRange(heap, ROUNDS - WINDOW, ROUNDS));
        System.out.printf("SoakTest: %d rounds x (%d tasks + %d connections); heap after GC: early %.1f MiB, late %.1f MiB, min %.1f, max %.1f%n",
                ROUNDS, TASKS_PER_ROUND, CONNECTIONS_PER_ROUND, early / 1048576.0, late / 1048576.0,
                Arrays.stream(heap).min().getAsLong() / 1048576.0, Arrays.stream(heap).max().getAsLong() / 1048576.0);
        assertTrue(late <= early + MARGIN_BYTES, "retained heap grew from " + early + " to " + late + " bytes: " + Arrays.toString(heap));
    }

    /** Heap in use after full collections, repeated until two readings agree within 256 KiB. */
    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 256 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
