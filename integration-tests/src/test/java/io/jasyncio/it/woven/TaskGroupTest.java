package io.jasyncio.it.woven;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.getRunningLoop;
import static io.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionGroup;
import io.jasyncio.Task;
import io.jasyncio.TaskGroup;
import io.jasyncio.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * The API's "async with" example end to end: {@code try (TaskGroup tg = new TaskGroup())} in a woven
 * method waits for the children when the block is left, with no await written by the user.
 */
class TaskGroupTest {
    private final List<String> log = new ArrayList<>();

    @Async
    Coroutine<String> worker(String name, double seconds, boolean fail) {
        try {
            await(sleep(seconds));
        } catch (CancellationException e) {
            log.add(name + " cancelled at " + getRunningLoop().time());
            throw e;
        }
        if (fail) {
            throw new IllegalStateException(name + " failed");
        }
        log.add(name + " done at " + getRunningLoop().time());
        return completed(name);
    }

    @Async
    Coroutine<String> group(boolean oneFails) {
        Task<String> slow;
        try (TaskGroup tg = new TaskGroup()) {
            slow = tg.createTask(worker("slow", 3, false));
            tg.createTask(worker("fast", 1, oneFails));
            log.add("body left at " + getRunningLoop().time());
        } catch (ExceptionGroup e) {
            log.add("group failed at " + getRunningLoop().time() + ": " + e.exceptions().get(0).getMessage());
            return completed("failed");
        }
        log.add("after the block at " + getRunningLoop().time());
        return completed(slow.result());
    }

    private String run(Coroutine<String> c) {
        try (EventLoop loop = new EventLoop(new VirtualClock())) {
            return loop.runUntilComplete(loop.createTask(c));
        }
    }

    @Test
    void leavingTheBlockWaitsForEveryChild() {
        assertEquals("slow", run(group(false)));
        assertEquals(List.of("body left at 0.0", "fast done at 1.0", "slow done at 3.0", "after the block at 3.0"), log);
    }

    @Test
    void aFailingChildCancelsItsSiblingsAndSurfacesAsAnExceptionGroup() {
        assertEquals("failed", run(group(true)));
        assertEquals(List.of("body left at 0.0", "slow cancelled at 1.0", "group failed at 1.0: fast failed"), log);
        assertTrue(log.stream().noneMatch(s -> s.startsWith("after the block")));
    }
}
