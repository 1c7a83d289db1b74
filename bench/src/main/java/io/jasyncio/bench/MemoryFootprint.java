package io.jasyncio.bench;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.TimerHandle;
import java.util.concurrent.CountDownLatch;
import org.openjdk.jol.info.ClassLayout;

/**
 * Workload 5: retained heap per suspended task (n tasks asleep) and per suspended frame (chains of
 * frames under one future), measured as the used heap after full GCs, divided by the count; plus the
 * JOL instance size of each object a sleeping task keeps alive, and the same count of sleeping
 * virtual threads as a peer. Usage: {@code MemoryFootprint [tasks] [chainTasks] [chainDepth] [vthreads]}.
 */
public final class MemoryFootprint {
    private MemoryFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int chainTasks = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int depth = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int vthreads = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;

        Asyncio.run(Footprint.sleepingTasks(1000));   // warm-up: load and link every class involved
        long sleeping = Asyncio.run(Footprint.sleepingTasks(tasks));
        new ResultLine("memory_sleeping_task", "jasyncio").put("n", tasks)
                .put("bytes_per_op", sleeping / (double) tasks).print();

        long shallow = Asyncio.run(Footprint.suspendedChains(chainTasks, 0));
        long deep = Asyncio.run(Footprint.suspendedChains(chainTasks, depth));
        double perFrame = (deep - shallow) / (double) ((long) chainTasks * depth);
        new ResultLine("memory_suspended_frame", "jasyncio").put("n", (long) chainTasks * depth)
                .put("bytes_per_op", perFrame)
                .put("user_live_bytes", 4)
                .put("bytes_beyond_live", perFrame - 4).print();

        layouts();

        if (VirtualThreads.available() && vthreads > 0) {
            double perThread = sleepingVirtualThreads(vthreads) / (double) vthreads;
            new ResultLine("memory_sleeping_task", "virtual threads").put("n", vthreads)
                    .put("bytes_per_op", perThread).print();
        }
    }

    /** Shallow sizes, from JOL, of what one sleeping task keeps reachable. */
    private static void layouts() {
        try (EventLoop loop = new EventLoop()) {
            Class<?>[] classes = {
                Task.class,
                Future.class,
                TimerHandle.class,
                Asyncio.sleep(1).getClass(),
                Footprint.sleeper().getClass(),
                Footprint.nest(1, null).getClass(),
            };
            for (Class<?> c : classes) {
                new ResultLine("layout", c.getName()).put("instance_bytes", ClassLayout.parseClass(c).instanceSize()).print();
            }
        } catch (RuntimeException | Error e) {
            System.err.println("JOL layouts unavailable: " + e);
        }
    }

    private static long sleepingVirtualThreads(int n) throws InterruptedException {
        Thread[] threads = new Thread[n];
        CountDownLatch asleep = new CountDownLatch(n);
        long before = Heap.retained();
        for (int i = 0; i < n; i++) {
            threads[i] = VirtualThreads.start(() -> {
                asleep.countDown();
                try {
                    Thread.sleep(3_600_000);
                } catch (InterruptedException e) {
                    // woken to finish
                }
            });
        }
        asleep.await();
        Thread.sleep(200);   // let the last ones reach sleep and unmount
        long after = Heap.retained();
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            t.join();
        }
        return after - before;
    }
}
