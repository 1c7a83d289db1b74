package io.jasyncio;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

/** CPython's debug mode tests: slow callbacks, never-awaited coroutines, thread checks. */
class DebugModeTest extends LoopFixture {
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger jul = Logger.getLogger("io.jasyncio");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void debugOn() {
        loop.setDebug(true);
        jul.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        jul.removeHandler(capture);
    }

    private List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (LogRecord r : logged) {
            if (r.getLevel() == Level.WARNING) {
                out.add(r.getMessage());
            }
        }
        return out;
    }

    @Test
    void debugCanBeSwitchedOnAndOff() {
        assertTrue(loop.getDebug());
        loop.setDebug(false);
        assertFalse(loop.getDebug());
    }

    @Test
    void slowCallbackIsLoggedByName() {
        loop.callSoon(new Runnable() {
            @Override
            public void run() {
                clock.advance(0.25);   // virtual time: "took" 250 ms
            }

            @Override
            public String toString() {
                return "the-slow-one";
            }
        });
        runOnce();
        assertEquals(1, warnings().size(), warnings().toString());
        assertTrue(warnings().get(0).contains("the-slow-one"), warnings().get(0));
        assertTrue(warnings().get(0).contains("took 0.250 seconds"), warnings().get(0));
    }

    @Test
    void slowTaskStepNamesTheTask() {
        loop.runUntilComplete(loop.createTask(busy(clock, 0.5), "slowpoke"));
        assertEquals(1, warnings().size(), warnings().toString());
        assertTrue(warnings().get(0).contains("slowpoke"), warnings().get(0));
    }

    @Async
    static Coroutine<Void> busy(VirtualClock clock, double seconds) {
        clock.advance(seconds);
        return completed();
    }

    @Test
    void fastCallbacksAreNotLoggedAndTheThresholdIsConfigurable() {
        loop.callSoon(() -> clock.advance(0.05));
        runOnce();
        assertEquals(List.of(), warnings());
        loop.setSlowCallbackDuration(0.01);
        assertEquals(0.01, loop.getSlowCallbackDuration());
        loop.callSoon(() -> clock.advance(0.05));
        runOnce();
        assertEquals(1, warnings().size());
        assertThrows(IllegalArgumentException.class, () -> loop.setSlowCallbackDuration(-1));
    }

    @Test
    void slowCallbacksAreNotTimedWithoutDebug() {
        loop.setDebug(false);
        loop.callSoon(() -> clock.advance(5));
        runOnce();
        assertEquals(List.of(), warnings());
    }

    @Test
    void nonThreadSafeCallFromAnotherThreadRaises() throws Exception {
        AtomicReference<Throwable> error = new AtomicReference<>();
        Future<String> done = loop.createFuture();
        loop.callSoon(() -> {
            Thread other = new Thread(() -> {
                try {
                    loop.callSoon(() -> { });
                } catch (Throwable t) {
                    error.set(t);
                }
                loop.callSoonThreadsafe(() -> done.setResult("threadsafe is fine"));
            }, "intruder");
            other.start();
        });
        assertEquals("threadsafe is fine", loop.runUntilComplete(done));
        assertInstanceOf(IllegalStateException.class, error.get());
        assertTrue(error.get().getMessage().contains("Non-thread-safe operation"), error.get().getMessage());
        assertTrue(error.get().getMessage().contains("intruder"), error.get().getMessage());
    }

    @Test
    void coroutineNeverAwaitedIsReportedWithItsCreationSite() {
        loop.runUntilComplete(dropACoroutine());
        loop.close();
        assertEquals(1, reports.size(), reportMessages().toString());
        String message = reportMessages().get(0);
        assertTrue(message.contains("was never awaited"), message);
        assertTrue(message.contains("TaskTest$appendTo"), message);
        Throwable site = (Throwable) reports.get(0).get("source_traceback");
        boolean namesCreator = false;
        for (StackTraceElement e : site.getStackTrace()) {
            namesCreator |= e.getMethodName().equals("dropACoroutine");
        }
        assertTrue(namesCreator, "the creation site names the method that created the coroutine");
    }

    @Async
    static Coroutine<Void> dropACoroutine() {
        TaskTest.appendTo(new ArrayList<>(), "never");   // the classic mistake: no await, no task
        return completed();
    }

    @Test
    void awaitedAndScheduledCoroutinesAreNotReported() {
        loop.runUntilComplete(useCoroutines());
        loop.close();
        assertEquals(List.of(), reportMessages());
    }

    @Async
    static Coroutine<Void> useCoroutines() {
        await(TaskTest.appendTo(new ArrayList<>(), "awaited"));
        await(createTask(TaskTest.appendTo(new ArrayList<>(), "scheduled")));
        return completed();
    }

    @Test
    void aCoroutineRefusedByAFinishedTaskGroupIsNotReportedAsNeverAwaited() {
        assertEquals("refused", loop.runUntilComplete(refusedByGroup()));
        loop.close();
        assertEquals(List.of(), reportMessages());
    }

    @Async
    static Coroutine<String> refusedByGroup() {
        TaskGroup kept;
        try (TaskGroup tg = new TaskGroup()) {
            kept = tg;
        }
        try {
            kept.createTask(TaskTest.appendTo(new ArrayList<>(), "never"));
        } catch (IllegalStateException e) {
            return completed("refused");
        }
        return completed("accepted");
    }

    @Test
    void completingAFutureFromAnotherThreadRaises() throws Exception {
        Future<String> target = loop.createFuture();
        target.addDoneCallback(f -> { });
        AtomicReference<Throwable> error = new AtomicReference<>();
        Future<String> done = loop.createFuture();
        loop.callSoon(() -> new Thread(() -> {
            try {
                target.setResult("from the wrong thread");
            } catch (Throwable t) {
                error.set(t);
            }
            loop.callSoonThreadsafe(() -> done.setResult("ok"));
        }).start());
        loop.runUntilComplete(done);
        assertInstanceOf(IllegalStateException.class, error.get());
        assertTrue(error.get().getMessage().contains("Non-thread-safe operation"), error.get().getMessage());
    }

    @Test
    void loopsWithoutDebugDoNotReportNeverAwaitedCoroutines() {
        loop.setDebug(false);
        loop.runUntilComplete(dropACoroutine());
        loop.close();
        assertEquals(List.of(), reportMessages());
    }

    @Test
    void asyncioRunCanTurnDebugOn() {
        assertTrue(Asyncio.run(isDebug(), true));
        assertFalse(Asyncio.run(isDebug(), false));
    }

    @Async
    static Coroutine<Boolean> isDebug() {
        return completed(getRunningLoop().getDebug());
    }
}
