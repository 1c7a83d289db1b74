package io.jasyncio.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Retained heap: used bytes after full collections, read until two readings agree. */
final class Heap {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Heap() {
    }

    static long retained() {
        long previous = -1;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            if (previous >= 0 && Math.abs(used - previous) < 64 * 1024) {
                return Math.min(used, previous);
            }
            previous = used;
        }
        return previous;
    }
}
