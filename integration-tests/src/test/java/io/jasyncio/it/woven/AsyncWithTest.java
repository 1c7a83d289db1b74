package io.jasyncio.it.woven;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.getRunningLoop;
import static io.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Async;
import io.jasyncio.AsyncCloseable;
import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * "async with": try-with-resources over an {@link AsyncCloseable} inside an {@code @Async} method awaits
 * {@code closeAsync(failure)} with what the block threw, in reverse order of opening, before the code
 * after the statement (or the user's catch) runs. Closing takes virtual time, so the clock proves the
 * close was awaited and not merely started.
 */
class AsyncWithTest {
    private final List<String> log = new ArrayList<>();

    /** A resource whose close suspends for 5 virtual seconds. */
    final class Conn implements AsyncCloseable {
        private final String name;
        private final RuntimeException closeFailure;

        Conn(String name) {
            this(name, null);
        }

        Conn(String name, RuntimeException closeFailure) {
            this.name = name;
            this.closeFailure = closeFailure;
            log.add("open " + name);
        }

        @Override
        public Awaitable<?> closeAsync(Throwable failure) {
            log.add("closing " + name + " after " + (failure == null ? "success" : failure.getClass().getSimpleName()));
            return closeSlowly(name, closeFailure);
        }
    }

    @Async
    Coroutine<Void> closeSlowly(String name, RuntimeException failure) {
        await(sleep(5));
        log.add("closed " + name + " at " + getRunningLoop().time());
        if (failure != null) {
            throw failure;
        }
        return completed();
    }

    private Object run(Coroutine<?> main) {
        try (EventLoop loop = new EventLoop(new VirtualClock())) {
            return loop.runUntilComplete(loop.createTask(main));
        }
    }

    @Async
    Coroutine<String> normalPath() {
        try (Conn a = new Conn("a"); Conn b = new Conn("b")) {
            await(sleep(1));
            log.add("body at " + getRunningLoop().time());
        }
        log.add("after at " + getRunningLoop().time());
        return completed("done");
    }

    @Test
    void closesAwaitInReverseOrderBeforeTheNextStatement() {
        assertEquals("done", run(normalPath()));
        assertEquals(List.of("open a", "open b", "body at 1.0", "closing b after success", "closed b at 6.0",
                "closing a after success", "closed a at 11.0", "after at 11.0"), log);
    }

    @Async
    Coroutine<String> failingBody() {
        try (Conn a = new Conn("a")) {
            await(sleep(1));
            throw new IllegalStateException("body failed");
        } catch (IllegalStateException e) {
            log.add("caught " + e.getMessage() + " at " + getRunningLoop().time());
            return completed("handled");
        }
    }

    @Test
    void theBlocksFailureIsPassedToCloseAsyncAndThenReachesTheCatch() {
        assertEquals("handled", run(failingBody()));
        assertEquals(List.of("open a", "closing a after IllegalStateException", "closed a at 6.0",
                "caught body failed at 6.0"), log);
    }

    @Async
    Coroutine<String> closeFailsToo() {
        try (Conn a = new Conn("a", new UnsupportedOperationException("close failed"))) {
            throw new IllegalStateException("body failed");
        } catch (UnsupportedOperationException e) {
            return completed(e.getMessage() + " / suppressed " + e.getSuppressed()[0].getMessage());
        } catch (IllegalStateException e) {
            return completed("the body's failure won: " + e.getMessage());
        }
    }

    @Async
    Coroutine<String> onlyCloseFails() {
        try (Conn a = new Conn("a", new UnsupportedOperationException("close failed"))) {
            log.add("body");
        } catch (UnsupportedOperationException e) {
            return completed("caught " + e.getMessage());
        }
        return completed("not reached");
    }

    /** As in Python's {@code async with}: a failing close wins, the body's failure rides along (docs/ABI.md). */
    @Test
    void aFailingCloseWinsOverTheBodysFailureOrIsThrownOnItsOwn() {
        assertEquals("close failed / suppressed body failed", run(closeFailsToo()));
        log.clear();
        assertEquals("caught close failed", run(onlyCloseFails()));
        assertEquals(List.of("open a", "body", "closing a after success", "closed a at 5.0"), log);
    }

    @Async
    Coroutine<String> declaredAsAutoCloseable() throws Exception {
        try (AutoCloseable r = new Conn("plain-typed")) {
            log.add("body");
        }
        return completed("at " + getRunningLoop().time());
    }

    @Test
    void anAsyncCloseableBehindTheAutoCloseableTypeIsStillAwaited() throws Exception {
        assertEquals("at 5.0", run(declaredAsAutoCloseable()));
        assertEquals(List.of("open plain-typed", "body", "closing plain-typed after success", "closed plain-typed at 5.0"), log);
    }

    @Async
    Coroutine<String> cancelledInside() {
        try (Conn a = new Conn("a")) {
            await(sleep(100));
            return completed("not reached");
        }
    }

    @Test
    void cancellationInTheBodyIsPassedToCloseAsync() {
        try (EventLoop loop = new EventLoop(new VirtualClock())) {
            Task<String> task = loop.createTask(cancelledInside());
            loop.callLater(1, task::cancel);
            assertThrows(CancellationException.class, () -> loop.runUntilComplete(task));
            assertTrue(task.isCancelled());
        }
        assertEquals(List.of("open a", "closing a after CancellationException", "closed a at 6.0"), log);
    }

    /** Reached through an interface that extends AsyncCloseable: javac calls close() with invokeinterface. */
    interface Session extends AsyncCloseable {
        String id();
    }

    @Async
    Coroutine<String> javacVariants(boolean nullResource) {
        try (Conn maybe = nullResource ? null : new Conn("maybe")) {   // javac guards close() with a null check
            log.add("body 1");
        }
        Conn existing = new Conn("existing");
        try (existing) {                                                // Java 9: an effectively final variable
            log.add("body 2");
        }
        Session session = new Session() {
            @Override
            public String id() {
                return "session";
            }

            @Override
            public Awaitable<?> closeAsync(Throwable failure) {
                log.add("closing session");
                return closeSlowly("session", null);
            }
        };
        for (int i = 0; i < 3; i++) {
            try (Session s = session; Conn c = new Conn("loop" + i)) {
                if (i == 1) {
                    continue;                                           // both resources close before the jump
                }
                log.add("body " + s.id() + i);
                if (i == 2) {
                    return completed("returned at " + getRunningLoop().time());   // and before the return
                }
            }
        }
        return completed("not reached");
    }

    @Test
    void everyJavacShapeOfTryWithResourcesAwaitsItsClose() {
        assertEquals("returned at 30.0", run(javacVariants(false)));   // the value is computed before the closes
        assertEquals(List.of("open maybe", "body 1", "closing maybe after success", "closed maybe at 5.0",
                "open existing", "body 2", "closing existing after success", "closed existing at 10.0",
                "open loop0", "body session0", "closing loop0 after success", "closed loop0 at 15.0", "closing session",
                "closed session at 20.0",
                "open loop1", "closing loop1 after success", "closed loop1 at 25.0", "closing session", "closed session at 30.0",
                "open loop2", "body session2", "closing loop2 after success", "closed loop2 at 35.0", "closing session",
                "closed session at 40.0"), log);
    }

    @Async
    Coroutine<String> asyncWithInsideFinally(boolean fail) {
        try {
            log.add("try");
            if (fail) {
                throw new IllegalStateException("try failed");
            }
        } finally {
            // javac copies a finally block onto every exit: each copy holds its own try-with-resources
            try (Conn f = new Conn(fail ? "failing path" : "normal path")) {
                log.add("finally at " + getRunningLoop().time());
            }
        }
        return completed("left at " + getRunningLoop().time());
    }

    @Test
    void anAsyncWithInEveryCopyOfAFinallyBlockIsAwaited() {
        assertEquals("left at 5.0", run(asyncWithInsideFinally(false)));
        assertEquals(List.of("try", "open normal path", "finally at 0.0", "closing normal path after success",
                "closed normal path at 5.0"), log);
        log.clear();
        try (EventLoop loop = new EventLoop(new VirtualClock())) {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> loop.runUntilComplete(loop.createTask(asyncWithInsideFinally(true))));
            assertEquals("try failed", e.getMessage());
            assertEquals(5.0, loop.time());
        }
        assertEquals(List.of("try", "open failing path", "finally at 0.0", "closing failing path after success",
                "closed failing path at 5.0"), log);
    }

    /** A plain resource behind the AutoCloseable type: closed synchronously, as always. */
    final class Plain implements AutoCloseable {
        @Override
        public void close() {
            log.add("plain close at " + getRunningLoop().time());
        }
    }

    @Async
    Coroutine<String> plainBehindAutoCloseable() throws Exception {
        try (AutoCloseable r = new Plain()) {
            await(sleep(2));
        }
        return completed("done");
    }

    @Test
    void aPlainAutoCloseableInAnAsyncMethodClosesAsBefore() throws Exception {
        assertEquals("done", run(plainBehindAutoCloseable()));
        assertEquals(List.of("plain close at 2.0"), log);
    }

    @Test
    void closingAnAsyncResourceOutsideAnAsyncMethodIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try (Conn c = new Conn("sync")) {
                log.add("body");
            }
        });
        assertTrue(e.getMessage().contains("AsyncCloseable"), e.getMessage());
    }
}
