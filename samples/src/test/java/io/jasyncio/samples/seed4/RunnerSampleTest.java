package io.jasyncio.samples.seed4;

import io.jasyncio.Runner;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.VirtualClock;
import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunnerSampleTest {
    @Test
    void twoRunsShareOneLoopWhichIsClosedAtTheEnd() {
        EventLoop loop = new EventLoop(new VirtualClock());
        List<String> lines = Run.captured(() -> RunnerSample.run(new Runner(() -> loop)));
        assertEquals(List.of("main done (1)", "main done (2)", "same loop: true", "closed: true"), lines);
        assertEquals(2.0, loop.time());
    }

    @Async
    static Coroutine<Task<Void>> leaveATaskBehind() {
        return completed(createTask(sleep(100)));
    }

    @Test
    void closingCancelsWhatARunLeftBehind() {
        EventLoop loop = new EventLoop(new VirtualClock());
        Task<Void> leftover;
        try (Runner runner = new Runner(() -> loop)) {
            leftover = runner.run(leaveATaskBehind());
        }
        assertTrue(leftover.isCancelled());
        assertTrue(loop.isClosed());
    }
}
