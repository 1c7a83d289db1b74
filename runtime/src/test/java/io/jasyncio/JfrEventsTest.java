package io.jasyncio;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

/** JFR events: recorded while a recording runs, named by task, in the order the loop ran them. */
class JfrEventsTest {

    @Async
    static Coroutine<String> worker() {
        await(sleep(1)); // LINE:worker-sleep
        return completed("done");
    }

    @Async
    static Coroutine<Void> failing() {
        await(sleep(2));
        throw new IllegalStateException("bad");
    }

    private static List<RecordedEvent> record(Runnable workload) throws Exception {
        Path file = Files.createTempFile("jasyncio", ".jfr");
        try (Recording r = new Recording()) {
            for (String name : List.of("TaskCreated", "TaskSuspended", "TaskResumed", "TaskCompleted", "SlowCallback")) {
                r.enable("io.jasyncio." + name).withThreshold(Duration.ZERO);
            }
            r.start();
            workload.run();
            r.stop();
            r.dump(file);
            return RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().startsWith("io.jasyncio."))
                    .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime()))
                    .toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<String> of(List<RecordedEvent> events, String task) {
        return events.stream().filter(e -> e.hasField("taskName") && task.equals(e.getString("taskName")))
                .map(e -> e.getEventType().getName().substring("io.jasyncio.".length())).collect(Collectors.toList());
    }

    @Test
    void aTasksLifeIsRecorded() throws Exception {
        List<RecordedEvent> events = record(() -> {
            try (EventLoop loop = new EventLoop(new VirtualClock())) {   // created while recording: JFR is noticed
                assertTrue(JfrEvents.active);
                loop.runUntilComplete(loop.createTask(worker(), "w"));
                Task<Void> f = loop.createTask(failing(), "f");
                assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(f));
            }
        });
        assertEquals(List.of("TaskCreated", "TaskResumed", "TaskSuspended", "TaskResumed", "TaskCompleted"), of(events, "w"));
        RecordedEvent suspended = events.stream().filter(e -> e.getEventType().getName().equals("io.jasyncio.TaskSuspended")
                && e.getString("taskName").equals("w")).findFirst().orElseThrow();
        assertTrue(suspended.getString("suspendedAt").startsWith("io.jasyncio.JfrEventsTest.worker(JfrEventsTest.java:"),
                suspended.getString("suspendedAt"));
        RecordedEvent done = events.stream().filter(e -> e.getEventType().getName().equals("io.jasyncio.TaskCompleted")
                && e.getString("taskName").equals("w")).findFirst().orElseThrow();
        assertEquals("result", done.getString("outcome"));
        RecordedEvent failed = events.stream().filter(e -> e.getEventType().getName().equals("io.jasyncio.TaskCompleted")
                && e.getString("taskName").equals("f")).findFirst().orElseThrow();
        assertEquals("failed: java.lang.IllegalStateException: bad", failed.getString("outcome"));
    }

    @Test
    void slowCallbacksAreRecordedWithoutDebugMode() throws Exception {
        List<RecordedEvent> events = record(() -> {
            VirtualClock clock = new VirtualClock();
            try (EventLoop loop = new EventLoop(clock)) {
                assertFalse(loop.getDebug());
                loop.setExceptionHandler((l, c) -> { });
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
                loop.callSoon(() -> { });   // fast: not recorded
                loop.callSoon(loop::stop);
                loop.runForever();
            }
        });
        List<RecordedEvent> slow = events.stream().filter(e -> e.getEventType().getName().equals("io.jasyncio.SlowCallback")).toList();
        assertEquals(1, slow.size(), slow::toString);
        assertEquals("Handle[the-slow-one]", slow.get(0).getString("callback"));
        assertEquals(Duration.ofMillis(250), slow.get(0).getDuration("took"));
    }
}
