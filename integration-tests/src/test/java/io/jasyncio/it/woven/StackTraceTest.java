package io.jasyncio.it.woven;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.VirtualClock;
import io.jasyncio.it.support.SourceLines;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Woven methods stay debuggable: stack traces name the user's file:line, frame classes name owner and method. */
class StackTraceTest {
    @Async
    static Coroutine<Void> throwsAfterResume() {
        await(sleep(1));
        throw new IllegalStateException("after resume"); // LINE:throw-after-resume
    }

    @Async
    static Coroutine<Void> throwsBeforeAnySuspension() {
        throw new IllegalArgumentException("at once"); // LINE:throw-at-once
    }

    @Async
    static Coroutine<Integer> innermost() {
        await(sleep(50)); // LINE:innermost-await
        return completed(1);
    }

    @Async
    static Coroutine<Integer> middle() {
        return completed(1 + await(innermost())); // LINE:middle-await
    }

    private static Throwable failureOf(Coroutine<?> c) {
        try (EventLoop loop = new EventLoop(new VirtualClock())) {
            return assertThrows(RuntimeException.class, () -> loop.runUntilComplete(loop.createTask(c)));
        }
    }

    private static void assertTraceShows(Throwable t, String method, String marker) {
        int line = SourceLines.lineOf(StackTraceTest.class, marker);
        List<StackTraceElement> trace = Arrays.asList(t.getStackTrace());
        assertTrue(trace.stream().anyMatch(e -> e.getClassName().equals(StackTraceTest.class.getName())
                        && e.getMethodName().equals(method) && "StackTraceTest.java".equals(e.getFileName())
                        && e.getLineNumber() == line),
                () -> "no StackTraceTest." + method + "(StackTraceTest.java:" + line + ") in " + trace);
    }

    @Test
    void anExceptionAfterAResumeShowsTheUsersFileAndLine() {
        Throwable t = failureOf(throwsAfterResume());
        assertEquals("after resume", t.getMessage());
        assertTraceShows(t, "throwsAfterResume", "throw-after-resume");
        assertTrue(Arrays.stream(t.getStackTrace()).anyMatch(e -> e.getClassName().endsWith("StackTraceTest$throwsAfterResume$Coroutine")),
                () -> "the frame class should appear in " + Arrays.toString(t.getStackTrace()));
    }

    @Test
    void anExceptionBeforeAnySuspensionShowsTheUsersFileAndLine() {
        Throwable t = failureOf(throwsBeforeAnySuspension());
        assertTraceShows(t, "throwsBeforeAnySuspension", "throw-at-once");
    }

    @Test
    void suspendedFramesNameOwnerMethodAndAwaitLine() {
        try (EventLoop loop = new EventLoop(new VirtualClock())) {
            Task<Integer> task = loop.createTask(middle());
            loop.runUntilComplete(loop.createTask(sleep(10)));
            // the runtime's own sleep frame is innermost; the woven frames follow it
            List<Coroutine<?>> chain = task.awaitChain().stream()
                    .filter(f -> f.getClass().getName().startsWith(StackTraceTest.class.getName())).toList();
            assertEquals(2, chain.size(), chain::toString);
            assertEquals(StackTraceTest.class.getName() + "$innermost$Coroutine", chain.get(0).getClass().getName());
            assertEquals(StackTraceTest.class.getName() + "$middle$Coroutine", chain.get(1).getClass().getName());
            StackTraceElement inner = chain.get(0).suspendedAt();
            StackTraceElement outer = chain.get(1).suspendedAt();
            assertNotNull(inner);
            assertNotNull(outer);
            assertEquals(SourceLines.lineOf(StackTraceTest.class, "innermost-await"), inner.getLineNumber());
            assertEquals(SourceLines.lineOf(StackTraceTest.class, "middle-await"), outer.getLineNumber());
            assertEquals("innermost", inner.getMethodName());
            assertEquals("StackTraceTest.java", inner.getFileName());
            assertEquals(2, loop.runUntilComplete(task));
        }
    }
}
