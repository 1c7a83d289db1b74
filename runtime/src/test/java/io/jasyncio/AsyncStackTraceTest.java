package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

/** Async stack traces: a failure rethrown at an await carries the chain of suspended callers. */
class AsyncStackTraceTest extends LoopFixture {

    @Async
    static Coroutine<Integer> charge() {
        await(sleep(1)); // LINE:charge-await
        throw new IllegalStateException("card declined");
    }

    @Async
    static Coroutine<Integer> pay() {
        int n = await(charge()); // LINE:pay-await
        return completed(n);
    }

    @Async
    static Coroutine<Integer> checkout() {
        int n = await(pay()); // LINE:checkout-await
        return completed(n + 1);
    }

    @Async
    static Coroutine<Integer> awaitTask(Task<Integer> other) {
        int n = await(other); // LINE:await-task
        return completed(n);
    }

    @Async
    static Coroutine<Integer> catchAndRethrow() {
        try {
            return completed(await(checkout())); // LINE:rethrow-await
        } catch (IllegalStateException e) {
            throw e;
        }
    }

    @Async
    static Coroutine<Integer> deep(int n) {
        if (n == 0) {
            return charge();
        }
        int v = await(deep(n - 1));
        return completed(v);
    }

    private static int lineOf(String marker) {
        Path src = Path.of("src/test/java/io/jasyncio/AsyncStackTraceTest.java");
        try {
            List<String> lines = Files.readAllLines(src);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).endsWith("// LINE:" + marker)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no marker " + marker);
    }

    /** The part of the trace after the {@code n}th marker, up to the next marker. */
    private static List<String> asyncPart(Throwable t, int n) {
        List<String> out = null;
        int seen = 0;
        for (StackTraceElement e : t.getStackTrace()) {
            if (AsyncStackTraces.isMarker(e)) {
                if (seen++ == n) {
                    out = new ArrayList<>();
                    out.add(e.getFileName());
                    continue;
                } else if (out != null) {
                    break;
                }
            }
            if (out != null && e.getClassName().equals(Task.class.getName())) {
                break;   // the loop machinery below the async part
            }
            if (out != null) {
                out.add(e.getMethodName() + ":" + e.getLineNumber());
            }
        }
        assertNotNull(out, () -> "no async part " + n + " in " + Arrays.toString(t.getStackTrace()));
        return out;
    }

    private static long markers(Throwable t) {
        return Arrays.stream(t.getStackTrace()).filter(AsyncStackTraces::isMarker).count();
    }

    @Test
    void failureAfterResumeNamesEveryAwaitingFrameInnermostFirst() {
        Task<Integer> t = loop.createTask(checkout(), "shop");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t));
        assertEquals("card declined", e.getMessage());
        assertEquals("charge", e.getStackTrace()[0].getMethodName(), "the Java part is untouched");
        List<String> trace = Arrays.stream(e.getStackTrace()).map(s -> s.getClassName() + "." + s.getMethodName()).toList();
        int marker = trace.indexOf(AsyncStackTraces.MARKER_CLASS + "." + AsyncStackTraces.MARKER_METHOD);
        assertEquals(Task.class.getName() + ".drive", trace.get(marker + 3), "the loop machinery follows the async part: " + trace);
        assertTrue(trace.subList(0, marker).stream().noneMatch(s -> s.startsWith(Task.class.getName())), trace::toString);
        assertEquals(List.of("task shop", "pay:" + lineOf("pay-await"), "checkout:" + lineOf("checkout-await")),
                asyncPart(e, 0));
        assertEquals(1, markers(e));
    }

    @Test
    void printStackTraceReadsAsOneTrace() {
        Task<Integer> t = loop.createTask(checkout(), "shop");
        Throwable e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t));
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        String text = w.toString();
        String expected = "\tat --- async.awaited by ---(task shop)" + System.lineSeparator()
                + "\tat io.jasyncio.AsyncStackTraceTest.pay(AsyncStackTraceTest.java:" + lineOf("pay-await") + ")" + System.lineSeparator()
                + "\tat io.jasyncio.AsyncStackTraceTest.checkout(AsyncStackTraceTest.java:" + lineOf("checkout-await") + ")";
        assertTrue(text.contains(expected), text);
    }

    @Test
    void aFailureCaughtAndRethrownHigherUpIsAppendedOnce() {
        Task<Integer> t = loop.createTask(catchAndRethrow(), "rethrow");
        Throwable e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t));
        assertEquals(List.of("task rethrow", "pay:" + lineOf("pay-await"), "checkout:" + lineOf("checkout-await"),
                "catchAndRethrow:" + lineOf("rethrow-await")), asyncPart(e, 0));
        assertEquals(1, markers(e));
    }

    @Test
    void aFailureAwaitedFromAnotherTaskAddsThatTasksChainAfterItsOwn() {
        Task<Integer> worker = loop.createTask(checkout(), "worker");
        Task<Integer> main = loop.createTask(awaitTask(worker), "main");
        Throwable e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(main));
        assertEquals(List.of("task worker", "pay:" + lineOf("pay-await"), "checkout:" + lineOf("checkout-await")), asyncPart(e, 0));
        assertEquals(List.of("task main", "awaitTask:" + lineOf("await-task")), asyncPart(e, 1));
        assertEquals(2, markers(e));
    }

    @Test
    void cancellationShowsWhereTheTaskWasSuspended() {
        Task<Integer> t = loop.createTask(checkout(), "victim");
        loop.callLater(0.5, t::cancel);
        CancellationException e = assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        assertEquals(List.of("task victim", "charge:" + lineOf("charge-await"), "pay:" + lineOf("pay-await"), "checkout:" + lineOf("checkout-await")), asyncPart(e, 0));
    }

    @Test
    void aDeepChainIsCutWithACountOfTheRest() {
        Task<Integer> t = loop.createTask(deep(1000), "deep");
        Throwable e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t));
        List<String> part = asyncPart(e, 0);
        assertEquals(1 + AsyncStackTraces.MAX_FRAMES, part.size() - 1, "marker, the cut chain, then the count");
        assertEquals("... " + (1001 - AsyncStackTraces.MAX_FRAMES) + " more awaiting frames:-1", part.get(part.size() - 1));
    }

    @Test
    void getStackListsTheSuspendedAwaitsInnermostFirst() {
        Task<Integer> t = loop.createTask(checkout(), "shop");
        loop.runUntilComplete(loop.createTask(sleep(0.5)));
        List<StackTraceElement> stack = t.getStack();
        assertEquals(List.of("charge:" + lineOf("charge-await"), "pay:" + lineOf("pay-await"), "checkout:" + lineOf("checkout-await")),
                stack.stream().map(s -> s.getMethodName() + ":" + s.getLineNumber()).toList());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.printStack(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String nl = System.lineSeparator();
        assertEquals("Stack for " + t + " (innermost first):" + nl
                + "\tat io.jasyncio.AsyncStackTraceTest.charge(AsyncStackTraceTest.java:" + lineOf("charge-await") + ")" + nl
                + "\tat io.jasyncio.AsyncStackTraceTest.pay(AsyncStackTraceTest.java:" + lineOf("pay-await") + ")" + nl
                + "\tat io.jasyncio.AsyncStackTraceTest.checkout(AsyncStackTraceTest.java:" + lineOf("checkout-await") + ")" + nl,
                bytes.toString(StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t));
        assertEquals(List.of(), t.getStack(), "a done task has no stack");
    }
}
