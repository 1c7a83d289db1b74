package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CPython's test_runners: asyncio.Runner keeps one loop for several runs and cleans up on close. */
class RunnerTest {
    @Async
    static Coroutine<Double> sleepThenTime(double delay) {
        await(sleep(delay));
        return completed(Asyncio.getRunningLoop().time());
    }

    @Async
    static Coroutine<Void> leaveSleeperBehind(List<String> log) {
        createTask(sleeper(log));
        await(sleep(0));   // let the sleeper start
        return completed();
    }

    @Async
    static Coroutine<Void> sleeper(List<String> log) {
        try {
            await(sleep(3600));
            log.add("woke");
        } finally {
            log.add("finally");
        }
        return completed();
    }

    @Async
    static Coroutine<Integer> nestedRun(Runner runner) {
        return completed(runner.run(sleepThenTime(1)) > 0 ? 1 : 0);
    }

    @Test
    void runsOnTheSameLoopEachTime() {
        VirtualClock clock = new VirtualClock();
        try (Runner runner = new Runner(() -> new EventLoop(clock))) {
            EventLoop loop = runner.getLoop();
            assertEquals(1.0, runner.run(sleepThenTime(1)));
            assertEquals(3.0, runner.run(sleepThenTime(2)));
            assertSame(loop, runner.getLoop());
            assertFalse(loop.isClosed());
        }
    }

    @Test
    void closeCancelsWhatTheRunsLeftPendingAndClosesTheLoop() {
        List<String> log = new ArrayList<>();
        Runner runner = new Runner(() -> new EventLoop(new VirtualClock()));
        runner.run(leaveSleeperBehind(log));
        EventLoop loop = runner.getLoop();
        assertEquals(1, loop.allTasks().size());
        runner.close();
        assertEquals(List.of("finally"), log);
        assertTrue(loop.isClosed());
        assertTrue(runner.isClosed());
    }

    @Test
    void aRunnerThatNeverRanMakesNoLoop() {
        int[] made = {0};
        Runner runner = new Runner(() -> {
            made[0]++;
            return new EventLoop(new VirtualClock());
        });
        runner.close();
        assertEquals(0, made[0]);
    }

    @Test
    void runAfterCloseIsRefused() {
        Runner runner = new Runner(() -> new EventLoop(new VirtualClock()));
        runner.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(sleepThenTime(1)));
        assertEquals("Runner is closed", e.getMessage());
    }

    @Test
    void runInsideARunningLoopIsRefused() {
        try (Runner outer = new Runner(() -> new EventLoop(new VirtualClock()));
             Runner inner = new Runner(() -> new EventLoop(new VirtualClock()))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> outer.run(nestedRun(inner)));
            assertEquals("Runner.run() cannot be called from a running event loop", e.getMessage());
        }
    }

    @Test
    void asyncioRunClosesItsLoopEvenWhenTheCoroutineFails() {
        EventLoop[] seen = new EventLoop[1];
        assertThrows(ArithmeticException.class, () -> Asyncio.run(failAfterCapture(seen)));
        assertTrue(seen[0].isClosed());
    }

    @Async
    static Coroutine<Void> failAfterCapture(EventLoop[] seen) {
        seen[0] = Asyncio.getRunningLoop();
        await(sleep(0));
        int zero = seen.length - 1;
        return completed(null == seen ? null : voidOf(1 / zero));
    }

    private static Void voidOf(int ignored) {
        return null;
    }
}
