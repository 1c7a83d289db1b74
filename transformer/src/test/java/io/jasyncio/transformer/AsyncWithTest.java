package io.jasyncio.transformer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "async with": try-with-resources over an AsyncCloseable awaits closeAsync(failure) inside @Async methods. */
class AsyncWithTest {
    static final String SOURCE = """
            package p;
            import io.jasyncio.*;
            import static io.jasyncio.Asyncio.*;
            import java.util.*;
            public class With {
                public static final List<String> LOG = new ArrayList<>();
                public static Future<String> closing = Future.done("closed");
                static class Res implements AsyncCloseable {
                    final String name;
                    Res(String name) { this.name = name; }
                    public Awaitable<?> closeAsync(Throwable failure) {
                        LOG.add("closeAsync " + name + " " + (failure == null ? "-" : failure.getMessage()));
                        return closing;
                    }
                }
                @Async public static Coroutine<String> normal(Awaitable<String> a) {
                    try (Res r = new Res("r")) {
                        LOG.add("body " + await(a));
                    }
                    return completed("done");
                }
                @Async public static Coroutine<String> failing() {
                    try (Res r = new Res("r")) {
                        throw new IllegalStateException("bad");
                    } catch (IllegalStateException e) {
                        return completed("caught " + e.getMessage());
                    }
                }
                @Async public static Coroutine<String> plainAuto() throws Exception {
                    try (AutoCloseable r = new Res("auto"); AutoCloseable s = () -> LOG.add("sync")) {
                        LOG.add("body");
                    }
                    return completed("done");
                }
                public static final List<Throwable> CAUGHT = new ArrayList<>();
                public static Future<String> failingClose;
                static class Failing implements AsyncCloseable {
                    public Awaitable<?> closeAsync(Throwable failure) { return failingClose; }
                }
                @Async public static Coroutine<String> bothFail() {
                    try {
                        try (Failing r = new Failing()) {
                            throw new IllegalArgumentException("body");
                        }
                    } catch (RuntimeException e) {
                        CAUGHT.add(e);
                        return completed("caught");
                    }
                }
                public static String outside() {
                    try (Res r = new Res("outside")) {
                        return "no";
                    } catch (IllegalStateException e) {
                        return "refused";
                    }
                }
            }
            """;

    /** Bodies that cannot throw: javac calls close() with no handler around it. */
    static final String EMPTY = """
            package p;
            import io.jasyncio.*;
            import static io.jasyncio.Asyncio.*;
            import java.util.*;
            public class Empty {
                public static final List<String> LOG = new ArrayList<>();
                public static Future<String> closing = Future.done("closed");
                record Res(String name) implements AsyncCloseable {
                    public Awaitable<?> closeAsync(Throwable failure) {
                        LOG.add("closeAsync " + name + " " + failure);
                        return closing;
                    }
                }
                interface Iter extends AsyncCloseable { }
                /** Like io.jasyncio.Server: its own synchronous close() (Python's server.close()). */
                static final class Srv implements AsyncCloseable {
                    public void close() { LOG.add("sync close"); }
                    public Awaitable<?> closeAsync(Throwable failure) {
                        LOG.add("closeAsync srv");
                        return closing;
                    }
                }
                @Async public static Coroutine<String> empty() {
                    try (Res r = new Res("r")) {
                    }
                    return completed("done");
                }
                @Async public static Coroutine<String> throughInterface(Iter it) {
                    try (Iter i = it) {
                    }
                    return completed("done");
                }
                @Async public static Coroutine<String> explicitSyncClose() {
                    Srv s = new Srv();
                    s.close();
                    return completed("done");
                }
                public static Iter iter() {
                    return failure -> {
                        LOG.add("closeAsync iter");
                        return closing;
                    };
                }
            }
            """;

    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static List<String> log(ClassLoader loader) throws Exception {
        return (List<String>) Class.forName("p.With", true, loader).getField("LOG").get(null);
    }

    @Test
    void closingIsAwaitedWithTheFailure() throws Exception {
        TestSupport.project(tmp, Map.of("p/With.java", SOURCE));
        ClassLoader loader = TestSupport.weaveAndLoad(tmp);
        TestSupport.Driven d = new TestSupport.Driven(TestSupport.call(loader, "p.With", "normal",
                TestSupport.pending(loader))).start().resume("b");
        assertEquals("done", d.result());
        assertEquals("caught bad", new TestSupport.Driven(TestSupport.call(loader, "p.With", "failing")).start().result());
        assertEquals("done", new TestSupport.Driven(TestSupport.call(loader, "p.With", "plainAuto")).start().result());
        assertEquals("refused", TestSupport.call(loader, "p.With", "outside"), "outside @Async close() is not rewritten");
        assertEquals(List.of("body b", "closeAsync r -", "closeAsync r bad", "body", "sync", "closeAsync auto -"), log(loader));
    }

    @Test
    void anEmptyBodyStillAwaitsCloseAsyncButAnOwnSynchronousCloseStays() throws Exception {
        TestSupport.project(tmp, Map.of("p/Empty.java", EMPTY));
        ClassLoader loader = TestSupport.weaveAndLoad(tmp);
        Class<?> empty = Class.forName("p.Empty", true, loader);
        empty.getField("closing").set(null, TestSupport.pending(loader));
        TestSupport.Driven d = new TestSupport.Driven(TestSupport.call(loader, "p.Empty", "empty")).start();
        assertFalse(d.finished(), "suspended in closeAsync");
        assertEquals("done", d.resume(null).result());
        Object iter = empty.getMethod("iter").invoke(null);
        d = new TestSupport.Driven(TestSupport.call(loader, "p.Empty", "throughInterface", iter)).start();
        assertFalse(d.finished(), "suspended in closeAsync");
        assertEquals("done", d.resume(null).result());
        assertEquals("done", new TestSupport.Driven(TestSupport.call(loader, "p.Empty", "explicitSyncClose")).start().result());
        @SuppressWarnings("unchecked")
        List<String> log = (List<String>) empty.getField("LOG").get(null);
        assertEquals(List.of("closeAsync r null", "closeAsync iter", "sync close"), log);
    }

    @Test
    void whenBodyAndCloseFailTheClosesExceptionWinsAsInPython() throws Exception {
        TestSupport.project(tmp, Map.of("p/With.java", SOURCE));
        ClassLoader loader = TestSupport.weaveAndLoad(tmp);
        Class<?> with = Class.forName("p.With", true, loader);
        with.getField("failingClose").set(null, TestSupport.pending(loader));
        TestSupport.Driven d = new TestSupport.Driven(TestSupport.call(loader, "p.With", "bothFail")).start();
        assertFalse(d.finished(), "suspended in closeAsync");
        d.fail(new IllegalStateException("close"));
        assertEquals("caught", d.result());
        @SuppressWarnings("unchecked")
        Throwable caught = ((List<Throwable>) with.getField("CAUGHT").get(null)).get(0);
        assertEquals("close", caught.getMessage());
        assertEquals("body", caught.getSuppressed()[0].getMessage());
    }

    @Test
    void aPendingCloseSuspendsTheCoroutine() throws Exception {
        TestSupport.project(tmp, Map.of("p/With.java", SOURCE));
        ClassLoader loader = TestSupport.weaveAndLoad(tmp);
        Class.forName("p.With", true, loader).getField("closing").set(null, TestSupport.pending(loader));
        TestSupport.Driven d = new TestSupport.Driven(TestSupport.call(loader, "p.With", "normal",
                TestSupport.pending(loader))).start().resume("b");
        assertFalse(d.finished(), "suspended in closeAsync");
        assertEquals(List.of("body b", "closeAsync r -"), log(loader));
        d.resume(null);
        assertTrue(d.finished());
        assertEquals("done", d.result());
    }
}
