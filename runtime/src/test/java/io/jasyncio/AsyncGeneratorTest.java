package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

/** Async generators ({@code async def ... yield}): iteration, close, send/throw, failures, cancellation. */
class AsyncGeneratorTest extends LoopFixture {

    /** Seed 002 §4.3: {@code for i in range(3): await asyncio.sleep(1); yield i}. */
    @Async
    static Coroutine<Void> asyncGen(Emitter<Integer> out) {
        for (int i = 0; i < 3; i++) {
            await(sleep(1));
            await(out.emit(i));
        }
        return completed();
    }

    @Async
    static <T> Coroutine<List<String>> consume(AsyncIterable<T> source) {
        List<String> seen = new ArrayList<>();
        for (var it = source.iterator(); await(it.hasNext()); ) {
            seen.add(it.next() + "@" + getRunningLoop().time());
        }
        return completed(seen);
    }

    @Test
    void seedGeneratorYieldsZeroOneTwoASecondApart() {
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> asyncGen(out));
        assertEquals(List.of("0@1.0", "1@2.0", "2@3.0"), loop.runUntilComplete(consume(g)));
        assertTrue(g.isDone());
        assertEquals(List.of(), reports);
    }

    @Test
    void theBodyStartsOnlyAtTheFirstStep() {
        List<String> log = new ArrayList<>();
        AsyncGenerator<String> g = AsyncGenerator.of(out -> {
            log.add("body made");
            return logging(out, log);
        });
        assertEquals(List.of(), log);
        assertEquals("AsyncGenerator[created]", g.toString());
        assertEquals(List.of("a@0.0"), loop.runUntilComplete(consume(g)));
        assertEquals(List.of("body made", "emitting a", "after a"), log);
    }

    @Async
    static Coroutine<Void> logging(Emitter<String> out, List<String> log) {
        log.add("emitting a");
        await(out.emit("a"));
        log.add("after a");
        return completed();
    }

    @Test
    void nullIsAnOrdinaryElement() {
        AsyncGenerator<String> g = AsyncGenerator.of(out -> emitAll(out, java.util.Arrays.asList(null, "x", null)));
        assertEquals(java.util.Arrays.asList(null, "x", null), loop.runUntilComplete(g.toList()));
    }

    @Async
    static <T> Coroutine<Void> emitAll(Emitter<T> out, List<T> items) {
        for (T item : items) {
            await(out.emit(item));
        }
        return completed();
    }

    // ---------------------------------------------------------------- early exit and close

    @Async
    static Coroutine<Void> guarded(Emitter<Integer> out, List<String> log) {
        try {
            for (int i = 0; ; i++) {
                await(out.emit(i));
            }
        } finally {
            log.add("finally");
        }
    }

    @Async
    static Coroutine<Integer> firstOver(AsyncGenerator<Integer> g, int limit, List<String> log) {
        try (g) {
            while (await(g.hasNext())) {
                int x = g.next();
                if (x > limit) {
                    log.add("break at " + x);
                    return completed(x);
                }
            }
        }
        return completed(-1);
    }

    @Test
    void earlyBreakClosesTheGeneratorAndRunsItsFinallyOnce() {
        List<String> log = new ArrayList<>();
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> guarded(out, log));
        assertEquals(3, loop.runUntilComplete(firstOver(g, 2, log)));
        assertEquals(List.of("break at 3", "finally"), log);
        assertTrue(g.isDone());
        // closing again, or asking for more, runs nothing
        loop.runUntilComplete(closeAndAsk(g));
        assertEquals(List.of("break at 3", "finally"), log);
    }

    @Async
    static Coroutine<Void> closeAndAsk(AsyncGenerator<Integer> g) {
        await(g.aclose());
        assertFalse(await(g.hasNext()));
        return completed();
    }

    @Async
    static Coroutine<Void> asyncCleanup(Emitter<Integer> out, List<String> log) {
        try {
            await(out.emit(1));
            await(out.emit(2));
        } catch (GeneratorExitException e) {
            log.add("exit seen");
            throw e;
        } finally {
            await(sleep(2));   // a finally that awaits, as an async with's __aexit__ would
            log.add("cleaned up at " + getRunningLoop().time());
        }
        return completed();
    }

    @Async
    static Coroutine<Void> takeOneThenClose(AsyncGenerator<Integer> g, List<String> log) {
        assertTrue(await(g.hasNext()));
        log.add("got " + g.next());
        await(g.aclose());
        log.add("closed at " + getRunningLoop().time());
        return completed();
    }

    @Test
    void closeThrowsGeneratorExitAndWaitsForAnAwaitingFinally() {
        List<String> log = new ArrayList<>();
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> asyncCleanup(out, log));
        loop.runUntilComplete(takeOneThenClose(g, log));
        assertEquals(List.of("got 1", "exit seen", "cleaned up at 2.0", "closed at 2.0"), log);
    }

    @Test
    void closingAGeneratorThatNeverStartedNeverMakesItsBody() {
        List<String> log = new ArrayList<>();
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> {
            log.add("body made");
            return guarded(out, log);
        });
        loop.runUntilComplete(closeAndAsk(g));
        assertEquals(List.of(), log);
        assertTrue(g.isDone());
    }

    @Async
    static Coroutine<Void> stubborn(Emitter<Integer> out, List<String> log) {
        for (int i = 0; i < 3; i++) {
            try {
                await(out.emit(i));
            } catch (GeneratorExitException e) {
                log.add("ignored exit");
            }
        }
        return completed();
    }

    @Async
    static Coroutine<Void> closeStubborn(AsyncGenerator<Integer> g) {
        assertTrue(await(g.hasNext()));
        await(g.aclose());
        return completed();
    }

    @Test
    void emittingWhileClosingFailsTheClose() {
        List<String> log = new ArrayList<>();
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> stubborn(out, log));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(closeStubborn(g)));
        assertEquals("async generator ignored GeneratorExit", e.getMessage());
        assertEquals(List.of("ignored exit"), log);
        assertFalse(g.isDone(), "left parked at the second emit, as in Python");
    }

    @Async
    static Coroutine<Void> failsOnExit(Emitter<Integer> out) {
        try {
            await(out.emit(1));
        } finally {
            throw new ArithmeticException("cleanup failed");
        }
    }

    @Test
    void aFailureDuringCloseIsThrownFromTheClose() {
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> failsOnExit(out));
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> loop.runUntilComplete(takeOneThenClose(g, new ArrayList<>())));
        assertEquals("cleanup failed", e.getMessage());
        assertTrue(g.isDone());
    }

    // ---------------------------------------------------------------- failures and cancellation

    @Async
    static Coroutine<Void> failsAfter(Emitter<Integer> out, int n, RuntimeException failure) {
        for (int i = 0; i < n; i++) {
            await(out.emit(i));
        }
        await(sleep(1));
        throw failure;
    }

    @Async
    static Coroutine<List<Object>> consumeCatching(AsyncGenerator<Integer> g) {
        List<Object> seen = new ArrayList<>();
        try {
            while (await(g.hasNext())) {
                seen.add(g.next());
            }
        } catch (IllegalArgumentException e) {
            seen.add(e);
        }
        seen.add(await(g.hasNext()));
        return completed(seen);
    }

    @Test
    void aFailureInTheBodyIsThrownUnwrappedFromHasNextAndEndsTheGenerator() {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> failsAfter(out, 2, boom));
        List<Object> seen = loop.runUntilComplete(consumeCatching(g));
        assertEquals(4, seen.size());
        assertEquals(List.of(0, 1), seen.subList(0, 2));
        assertSame(boom, seen.get(2));
        assertEquals(Boolean.FALSE, seen.get(3));
        assertTrue(g.isDone());
        assertEquals(1.0, loop.time());
    }

    @Async
    static Coroutine<Void> slowWithFinally(Emitter<Integer> out, List<String> log) {
        try {
            await(out.emit(1));
            await(sleep(10));
            await(out.emit(2));
        } catch (CancellationException e) {
            log.add("generator cancelled at " + getRunningLoop().time());
            throw e;
        } finally {
            log.add("generator finally");
        }
        return completed();
    }

    @Async
    static Coroutine<Void> consumeLogging(AsyncGenerator<Integer> g, List<String> log) {
        try {
            while (await(g.hasNext())) {
                log.add("got " + g.next());
            }
        } catch (CancellationException e) {
            log.add("consumer cancelled");
            throw e;
        }
        return completed();
    }

    @Test
    void cancellingTheConsumerWhileTheGeneratorAwaitsCancelsTheGeneratorsAwait() {
        List<String> log = new ArrayList<>();
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> slowWithFinally(out, log));
        Task<Void> t = loop.createTask(consumeLogging(g, log));
        loop.callLater(3, () -> t.cancel());
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.isCancelled());
        assertEquals(List.of("got 1", "generator cancelled at 3.0", "generator finally", "consumer cancelled"), log);
        assertTrue(g.isDone());
        assertEquals(List.of(), reports);
    }

    @Test
    void theAwaitChainOfAConsumerRunsThroughTheGenerator() {
        List<String> log = new ArrayList<>();
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> slowWithFinally(out, log));
        Coroutine<Void> consumer = consumeLogging(g, log);
        Task<Void> t = loop.createTask(consumer);
        loop.callLater(1, loop::stop);
        loop.runForever();
        List<Coroutine<?>> chain = t.awaitChain();
        // sleep → the body → the generator's root frame → the consumer
        assertEquals(4, chain.size(), chain.toString());
        assertInstanceOf(SleepCoroutine.class, chain.get(0));
        assertTrue(chain.get(2).toString().startsWith("AsyncGenerator.Root"), chain.get(2).toString());
        assertSame(consumer, chain.get(3));
        t.cancel();
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
    }

    // ---------------------------------------------------------------- shapes of bodies

    @Async
    static Coroutine<Void> emitsThroughHelpers(Emitter<String> out) {
        await(out.emit("top"));
        await(helper(out, "inner", 2));
        await(out.emit("top again"));
        return completed();
    }

    @Async
    static Coroutine<Void> helper(Emitter<String> out, String name, int depth) {
        await(out.emit(name + depth));
        if (depth > 0) {
            await(sleep(1));
            await(helper(out, name, depth - 1));
        }
        return completed();
    }

    @Test
    void theBodyMayEmitFromCoroutinesItAwaits() {
        AsyncGenerator<String> g = AsyncGenerator.of(out -> emitsThroughHelpers(out));
        assertEquals(List.of("top@0.0", "inner2@0.0", "inner1@1.0", "inner0@2.0", "top again@2.0"),
                loop.runUntilComplete(consume(g)));
    }

    @Test
    void emittingFromADeepChainHandedToTheTrampolineWorks() {
        int depth = 5 * Coroutine.MAX_INLINE_DEPTH;
        AsyncGenerator<String> g = AsyncGenerator.of(out -> deep(out, depth));
        List<String> got = loop.runUntilComplete(g.toList());
        assertEquals(depth + 1, got.size());
        assertEquals("d" + depth, got.get(0));
        assertEquals("d0", got.get(depth));
    }

    @Async
    static Coroutine<Void> deep(Emitter<String> out, int depth) {
        if (depth > 0) {
            await(out.emit("d" + depth));
            await(deep(out, depth - 1));
        } else {
            await(out.emit("d0"));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> count(Emitter<Integer> out, int n) {
        for (int i = 0; i < n; i++) {
            await(out.emit(i));
        }
        return completed();
    }

    @Async
    static Coroutine<Long> sum(AsyncGenerator<Integer> g) {
        long total = 0;
        int n = 0;
        while (await(g.hasNext())) {
            int x = g.next();
            if (x != n++) {
                throw new AssertionError("element " + x + " out of order");
            }
            total += x;
        }
        return completed(total);
    }

    @Test
    void aMillionEmitsRunInOneStepWithoutGrowingTheStack() {
        int n = 1_000_000;
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> count(out, n));
        List<String> log = new ArrayList<>();
        loop.callSoon(() -> log.add("callback before"));
        Task<Long> t = loop.createTask(sum(g));
        loop.callSoon(() -> log.add("callback after, done=" + t.isDone()));
        assertEquals((long) n * (n - 1) / 2, loop.runUntilComplete(t));
        // the whole iteration happened inside the task's first step: no loop trip per element
        assertEquals(List.of("callback before", "callback after, done=true"), log);
        assertEquals(0.0, loop.time());
    }

    @Async
    static Coroutine<List<String>> zip(AsyncGenerator<Integer> a, AsyncGenerator<Integer> b) {
        List<String> pairs = new ArrayList<>();
        while (await(a.hasNext()) && await(b.hasNext())) {
            pairs.add(a.next() + "/" + b.next() + "@" + getRunningLoop().time());
        }
        return completed(pairs);
    }

    @Async
    static Coroutine<Void> ticks(Emitter<Integer> out, int start, double period, int n) {
        for (int i = 0; i < n; i++) {
            await(sleep(period));
            await(out.emit(start + i));
        }
        return completed();
    }

    @Test
    void twoGeneratorsInterleaveInOneConsumer() {
        AsyncGenerator<Integer> a = AsyncGenerator.of(out -> ticks(out, 0, 1, 3));
        AsyncGenerator<Integer> b = AsyncGenerator.of(out -> ticks(out, 100, 2, 5));
        assertEquals(List.of("0/100@3.0", "1/101@6.0", "2/102@9.0"), loop.runUntilComplete(zip(a, b)));
        assertTrue(a.isDone());
        assertFalse(b.isDone(), "b stays parked at its third emit");
    }

    @Async
    static Coroutine<Void> doubled(Emitter<Integer> out, AsyncGenerator<Integer> source) {
        try (source) {
            while (await(source.hasNext())) {
                await(out.emit(2 * source.next()));
            }
        }
        return completed();
    }

    @Test
    void aGeneratorCanConsumeAnotherGenerator() {
        AsyncGenerator<Integer> source = AsyncGenerator.of(out -> ticks(out, 1, 1, 3));
        AsyncGenerator<Integer> twice = AsyncGenerator.of(out -> doubled(out, source));
        assertEquals(List.of("2@1.0", "4@2.0", "6@3.0"), loop.runUntilComplete(consume(twice)));
        assertTrue(source.isDone());
    }

    // ---------------------------------------------------------------- asend, athrow

    @Async
    static Coroutine<Void> runningTotal(Emitter<Integer> out) {
        int total = 0;
        for (;;) {
            Integer n = await(out.emit(total));
            if (n != null) {
                total += n;
            }
        }
    }

    @Async
    static Coroutine<List<Integer>> sendSome(AsyncGenerator<Integer> g) {
        List<Integer> seen = new ArrayList<>();
        assertTrue(await(g.hasNext()));
        seen.add(g.next());
        for (int n : new int[] {5, 7}) {
            assertTrue(await(g.asend(n)));
            seen.add(g.next());
        }
        assertTrue(await(g.hasNext()));   // a plain step sends null
        seen.add(g.next());
        await(g.aclose());
        return completed(seen);
    }

    @Test
    void asendDeliversAValueToTheParkedEmit() {
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> runningTotal(out));
        assertEquals(List.of(0, 5, 12, 12), loop.runUntilComplete(sendSome(g)));
        assertTrue(g.isDone());
    }

    @Async
    static Coroutine<Void> sendToFresh(AsyncGenerator<Integer> g) {
        await(g.asend(1));
        return completed();
    }

    @Test
    void sendingAValueToAGeneratorThatHasNotStartedIsRefused() {
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> runningTotal(out));
        assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(sendToFresh(g)));
        assertFalse(g.isDone());
    }

    @Async
    static Coroutine<Void> recovers(Emitter<String> out) {
        try {
            await(out.emit("first"));
        } catch (IllegalStateException e) {
            await(out.emit("recovered from " + e.getMessage()));
        }
        return completed();
    }

    @Async
    static Coroutine<List<String>> throwIn(AsyncGenerator<String> g, RuntimeException first, RuntimeException second) {
        List<String> seen = new ArrayList<>();
        assertTrue(await(g.hasNext()));
        seen.add(g.next());
        assertTrue(await(g.athrow(first)));
        seen.add(g.next());
        try {
            await(g.athrow(second));
        } catch (RuntimeException e) {
            seen.add("thrown back: " + e.getMessage());
        }
        seen.add("done=" + g.isDone());
        return completed(seen);
    }

    @Test
    void athrowRaisesAtTheParkedEmit() {
        AsyncGenerator<String> g = AsyncGenerator.of(out -> recovers(out));
        assertEquals(List.of("first", "recovered from oops", "thrown back: fatal", "done=true"),
                loop.runUntilComplete(throwIn(g, new IllegalStateException("oops"), new UnsupportedOperationException("fatal"))));
    }

    // ---------------------------------------------------------------- tasks

    @Async
    static Coroutine<String> stepOnce(AsyncGenerator<Integer> g) {
        if (await(g.hasNext())) {
            return completed("got " + g.next() + "@" + getRunningLoop().time());
        }
        return completed("end@" + getRunningLoop().time());
    }

    @Test
    void aSecondTaskStepsAGeneratorThatIsRunningInAnotherOne() {
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> ticks(out, 0, 1, 2));
        Task<String> first = loop.createTask(stepOnce(g));
        Task<String> second = loop.createTask(stepOnce(g));
        loop.runUntilComplete(first);
        IllegalStateException e = assertThrows(IllegalStateException.class, second::result);
        assertEquals("anext(): asynchronous generator is already running", e.getMessage());
        assertEquals("got 0@1.0", first.result());
    }

    @Async
    static Coroutine<Void> closeNow(AsyncGenerator<Integer> g) {
        await(g.aclose());
        return completed();
    }

    @Test
    void closingAGeneratorRunningInAnotherTaskIsRefused() {
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> ticks(out, 0, 1, 2));
        Task<String> stepping = loop.createTask(stepOnce(g));
        Task<Void> closing = loop.createTask(closeNow(g));
        loop.runUntilComplete(stepping);
        IllegalStateException e = assertThrows(IllegalStateException.class, closing::result);
        assertEquals("aclose(): asynchronous generator is already running", e.getMessage());
        assertEquals("got 0@1.0", stepping.result());
        assertFalse(g.isDone());
    }

    @Async
    static Coroutine<Void> holdAndWait(AsyncGenerator<Integer> g, Future<Void> never, List<String> log) {
        try (g) {
            assertTrue(await(g.hasNext()));
            log.add("holding " + g.next());
            await(never);
        } finally {
            log.add("consumer finally, generator done=" + g.isDone());
        }
        return completed();
    }

    @Test
    void aConsumerCancelledOutsideTheGeneratorStillClosesIt() {
        List<String> log = new ArrayList<>();
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> asyncCleanup(out, log));
        Task<Void> t = loop.createTask(holdAndWait(g, loop.createFuture(), log));
        loop.callLater(5, () -> t.cancel());
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        // the close ran after the cancellation reached the consumer, and its awaiting finally completed
        assertEquals(List.of("holding 1", "exit seen", "cleaned up at 7.0", "consumer finally, generator done=true"), log);
    }

    @Test
    void aBodyFunctionThatFailsEndsTheGenerator() {
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> {
            throw new IllegalStateException("no body");
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(stepOnce(g)));
        assertEquals("no body", e.getMessage());
        assertTrue(g.isDone());
        assertEquals("end@0.0", loop.runUntilComplete(stepOnce(g)));
    }

    @Test
    void tasksMayTakeTurnsConsumingOneGenerator() {
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> ticks(out, 0, 1, 2));
        assertEquals("got 0@1.0", loop.runUntilComplete(loop.createTask(stepOnce(g))));
        // the parked frames now run in a second task: cancelling that task reaches the generator's sleep
        Task<String> second = loop.createTask(stepOnce(g));
        loop.callLater(0.5, () -> second.cancel());
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(second));
        assertTrue(g.isDone());
        assertEquals(1.5, loop.time());
        assertEquals("end@1.5", loop.runUntilComplete(loop.createTask(stepOnce(g))));
    }

    @Async
    static Coroutine<List<Object>> anexts(AsyncGenerator<Integer> a, AsyncGenerator<Integer> b) {
        List<Object> seen = new ArrayList<>();
        seen.add(await(gather(a.anext(), b.anext())) + "@" + getRunningLoop().time());
        seen.add(await(a.anext()) + "@" + getRunningLoop().time());
        seen.add(await(a.anext(-1)) + "@" + getRunningLoop().time());
        try {
            await(a.anext());
        } catch (java.util.NoSuchElementException e) {
            seen.add(e.getMessage());
        }
        return completed(seen);
    }

    @Test
    void anextIsACoroutineThatCanRunInOtherTasks() {
        AsyncGenerator<Integer> a = AsyncGenerator.of(out -> ticks(out, 0, 1, 2));
        AsyncGenerator<Integer> b = AsyncGenerator.of(out -> ticks(out, 100, 2, 2));
        // gather makes each anext a task: the two first elements are computed concurrently
        assertEquals(List.of("[0, 100]@2.0", "1@3.0", "-1@3.0", "anext(): the async iterator is exhausted"),
                loop.runUntilComplete(anexts(a, b)));
    }

    @Async
    static Coroutine<Void> leaksEmitter(Emitter<Integer> out, List<Emitter<Integer>> leaked) {
        leaked.add(out);
        await(out.emit(1));
        return completed();
    }

    @Async
    static Coroutine<Void> emitFromOutside(Emitter<Integer> out) {
        await(out.emit(99));
        return completed();
    }

    @Test
    void anEmitterWorksOnlyInsideItsGenerator() {
        List<Emitter<Integer>> leaked = new ArrayList<>();
        AsyncGenerator<Integer> g = AsyncGenerator.of(out -> leaksEmitter(out, leaked));
        assertEquals("got 1@0.0", loop.runUntilComplete(stepOnce(g)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> loop.runUntilComplete(emitFromOutside(leaked.get(0))));
        assertTrue(e.getMessage().startsWith("emit() awaited outside its generator's body"), e.getMessage());
        assertEquals("end@0.0", loop.runUntilComplete(stepOnce(g)));
    }

    @Async
    static Coroutine<List<AsyncGenerator<Integer>>> makeTwoUseOne() {
        AsyncGenerator<Integer> used = AsyncGenerator.of(out -> asyncGen(out));
        AsyncGenerator<Integer> unstarted = AsyncGenerator.of(out -> asyncGen(out));
        assertEquals(List.of("0@1.0", "1@2.0", "2@3.0"), await(consume(used)));
        return completed(List.of(used, unstarted));
    }

    @Test
    void debugModeReportsNothingForGeneratorsUsedOrLeftUnstarted() {
        loop.setDebug(true);
        List<AsyncGenerator<Integer>> made = loop.runUntilComplete(makeTwoUseOne());
        loop.close();
        AsyncGenerator<Integer> unstarted = made.get(1);   // still reachable at close: not a never-awaited coroutine
        assertEquals(List.of(), reportMessages());
        assertFalse(unstarted.isDone());
    }
}
