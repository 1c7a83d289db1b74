package io.jasyncio;

import java.util.ArrayList;
import java.util.List;

/**
 * Helpers for the tests of locks and queues: a loop on virtual time, so that "let everything that can
 * run, run" is a {@code sleep} that returns only once the loop has nothing else to do.
 */
final class SyncFixtures {
    private SyncFixtures() {
    }

    /** Runs main on a fresh loop with a virtual clock; tasks left pending are cancelled first. */
    static <T> T runVirtual(Coroutine<T> main) {
        EventLoop loop = new EventLoop(new VirtualClock());
        try {
            return loop.runUntilComplete(main);
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
