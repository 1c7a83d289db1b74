package io.jasyncio;

import java.util.ArrayList;
import java.util.List;

/**
 * Helpers for the tests of locks and queues: a loop on virtual time, so that "let everything that can
 * run, run" is a {@code sleep} that returns only once the loop has nothing else to do, and a deadlock
 * fails the test at once instead of hanging it.
 */
final class SyncFixtures {
    /** Virtual seconds after which a scenario counts as deadlocked (no scenario sleeps that long). */
    private static final double DEADLOCK_AFTER = 1e9;

    private SyncFixtures() {
    }

    /** Runs main on a fresh loop with a virtual clock; tasks left pending are cancelled first. */
    static <T> T runVirtual(Coroutine<T> main) {
        EventLoop loop = new EventLoop(new VirtualClock());
        try {
            Task<T> task = loop.createTask(main);
            // With nothing left to run, virtual time jumps straight to this timer: a deadlock ends here.
            boolean[] deadlocked = {false};
            TimerHandle watchdog = loop.callLater(DEADLOCK_AFTER, () -> {
                deadlocked[0] = true;
                task.cancel();
            });
            try {
                return loop.runUntilComplete(task);
            } catch (java.util.concurrent.CancellationException e) {
                if (deadlocked[0]) {
                    throw new AssertionError("deadlock: every task is blocked and nothing is scheduled", e);
                }
                throw e;
            } finally {
                watchdog.cancel();
            }
        } finally {
            List<Task<?>> left = loop.allTasks();
            for (Task<?> t : left) {
                t.cancel();
            }
            if (!left.isEmpty()) {
                loop.runUntilComplete(Asyncio.gather(true, left.toArray(new Awaitable<?>[0])));
            }
            loop.close();
        }
    }

    /**
     * Lets every other task run until it blocks: on virtual time a sleep ends only when nothing else
     * is ready, so this is deterministic (and takes no real time).
     */
    static Coroutine<Void> settle() {
        return Asyncio.sleep(1.0);
    }

    /** A log tasks append to, to check who ran when. */
    static List<String> log() {
        return new ArrayList<>();
    }
}
