package io.jasyncio;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The timer heap against a model: random schedules and cancellations (of pending, already fired and
 * already cancelled timers, enough to trigger compaction over and over), checked against a sorted set.
 * Every live timer fires exactly once, in (deadline, scheduling order); no cancelled one ever fires.
 */
class TimerStressTest {
    static final boolean LONG = Boolean.getBoolean("jasyncio.stress.long");
    static final int OPERATIONS = LONG ? 5_000_000 : 300_000;

    private final VirtualClock clock = new VirtualClock();
    private final EventLoop loop = new EventLoop(clock);

    @AfterEach
    void close() {
        loop.close();
    }

    /** A timer as the model sees it; ordered as the heap must order it. */
    record Expected(double when, long seq) implements Comparable<Expected> {
        public int compareTo(Expected o) {
            int c = Double.compare(when, o.when);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    @Test
    void timersFireOnceInOrderAndCancelledOnesNever() {
        Random rnd = new Random(Long.getLong("jasyncio.stress.seed", 7L));
        TreeSet<Expected> pending = new TreeSet<>();
        List<TimerHandle> handles = new ArrayList<>();
        List<Expected> keys = new ArrayList<>();
        List<Long> fired = new ArrayList<>();
        byte[] firedCount = new byte[OPERATIONS];
        long[] seq = {0};
        int cancels = 0;
        int steps = 0;
        while (seq[0] < OPERATIONS) {
            // A burst of schedules and cancellations, then let the loop run up to a random time.
            int burst = 1 + rnd.nextInt(200);
            for (int k = 0; k < burst && seq[0] < OPERATIONS; k++) {
                if (handles.isEmpty() || rnd.nextInt(100) < 55) {
                    // Coarse deadlines make ties common: the scheduling order must break them.
                    double when = loop.time() + rnd.nextInt(50) * 0.001;
                    long id = seq[0]++;
                    Expected e = new Expected(when, id);
                    handles.add(loop.callAt(when, () -> {
                        firedCount[(int) id]++;
                        fired.add(id);
                    }));
                    keys.add(e);
                    pending.add(e);
                } else {
                    int victim = rnd.nextInt(handles.size());
                    handles.get(victim).cancel();   // pending, fired or already cancelled: all allowed
                    pending.remove(keys.get(victim));
                    cancels++;
                }
            }
            double until = loop.time() + rnd.nextInt(30) * 0.001;
            loop.callAt(until, loop::stop);   // scheduled after the timers due at the same instant
            List<Long> expected = new ArrayList<>();
            while (!pending.isEmpty() && pending.first().when() <= until) {
                expected.add(pending.pollFirst().seq());
            }
            fired.clear();
            loop.runForever();
            assertEquals(expected, fired, "step " + steps + ": timers due by " + until);
            assertEquals(pending.size(), loop.scheduledTimerCount() - timersOfLoop().cancelledCount(), "live timers in the heap");
            if (handles.size() > 20_000) {   // forget old handles, keep memory flat
                handles.subList(0, 10_000).clear();
                keys.subList(0, 10_000).clear();
            }
            steps++;
        }
        loop.callLater(1.0, loop::stop);
        List<Long> rest = new ArrayList<>();
        for (Expected e : pending) {
            rest.add(e.seq());
        }
        fired.clear();
        loop.runForever();
        assertEquals(rest, fired);
        assertEquals(0, loop.scheduledTimerCount());
        for (int i = 0; i < OPERATIONS; i++) {
            assertTrue(firedCount[i] <= 1, "timer " + i + " fired " + firedCount[i] + " times");
        }
        System.out.printf("TimerStressTest: %d timers, %d cancel calls, %d steps%n", seq[0], cancels, steps);
    }

    private TimerQueue timersOfLoop() {
        try {
            return CancellationStressTest.timersOf(loop);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
