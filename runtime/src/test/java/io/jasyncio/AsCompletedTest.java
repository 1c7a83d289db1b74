package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

/** CPython 3.12's as_completed tests: completion order, timeouts that cancel nothing, duplicates. */
class AsCompletedTest extends LoopFixture {

    @Test
    void resultsComeInCompletionOrder() {
        List<Future<String>> fs = List.of(resultLater(3, "c"), resultLater(1, "a"), resultLater(2, "b"));
        assertEquals(List.of("a@1.0", "b@2.0", "c@3.0"), loop.runUntilComplete(collect(fs)));
    }

    @Async
    static Coroutine<List<String>> collect(List<? extends Awaitable<String>> aws) {
        List<String> out = new ArrayList<>();
        for (Awaitable<String> next : asCompleted(new ArrayList<>(aws))) {
            String v = await(next);
            out.add(v + "@" + getRunningLoop().time());
        }
        return completed(out);
    }

    @Test
    void coroutinesAreScheduledAsTasksAtOnce() {
        assertEquals(List.of("fast", "slow"), loop.runUntilComplete(coroutinesInCompletionOrder()));
    }

    @Async
    static Coroutine<List<String>> coroutinesInCompletionOrder() {
        List<Coroutine<String>> cs = List.of(sleep(2, "slow"), sleep(1, "fast"));
        Iterable<Awaitable<String>> it = asCompleted(cs);
        assertEquals(3, allTasks().size(), "both coroutines became tasks inside the asCompleted call");
        List<String> out = new ArrayList<>();
        for (Awaitable<String> next : it) {
            out.add(await(next));
        }
        return completed(out);
    }

    @Test
    void aFailureIsRaisedByItsTurn() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertEquals(List.of("ok", "failed: boom", "late"),
                loop.runUntilComplete(collectFailures(List.of(resultLater(3, "late"), failLater(2, boom), resultLater(1, "ok")))));
    }

    @Async
    static Coroutine<List<String>> collectFailures(List<Future<String>> fs) {
        List<String> out = new ArrayList<>();
        for (Awaitable<String> next : asCompleted(fs)) {
            try {
                out.add(await(next));
            } catch (IllegalStateException e) {
                out.add("failed: " + e.getMessage());
            }
        }
        return completed(out);
    }

    @Test
    void timeoutMakesTheRestRaiseAndCancelsNothing() {
        Future<String> fast = resultLater(1, "fast");
        Future<String> slow = resultLater(10, "slow");
        assertEquals(List.of("fast", "timeout"), loop.runUntilComplete(collectWithTimeout(List.of(fast, slow), 5)));
        assertEquals(5.0, loop.time());
        assertFalse(slow.isCancelled());
        assertEquals("slow", loop.runUntilComplete(slow));
    }

    @Async
    static Coroutine<List<String>> collectWithTimeout(List<Future<String>> fs, double timeout) {
        List<String> out = new ArrayList<>();
        for (Awaitable<String> next : asCompleted(fs, timeout)) {
            try {
                out.add(await(next));
            } catch (AsyncTimeoutException e) {
                out.add("timeout");
                break;
            }
        }
        return completed(out);
    }

    @Test
    void everyRemainingAwaitableRaisesAfterTheTimeout() {
        Future<String> a = loop.createFuture();
        Future<String> b = loop.createFuture();
        assertEquals(List.of("timeout", "timeout"), loop.runUntilComplete(collectAllTimeouts(List.of(a, b))));
    }

    @Async
    static Coroutine<List<String>> collectAllTimeouts(List<Future<String>> fs) {
        List<String> out = new ArrayList<>();
        for (Awaitable<String> next : asCompleted(fs, 1)) {
            try {
                out.add(await(next));
            } catch (AsyncTimeoutException e) {
                out.add("timeout");
            }
        }
        return completed(out);
    }

    @Test
    void aFutureGivenTwiceIsYieldedOnce() {
        Future<String> a = resultLater(1, "a");
        int n = 0;
        for (Awaitable<String> ignored : asCompleted(List.of(a, a))) {
            n++;
        }
        assertEquals(1, n);
        loop.runUntilComplete(a);
    }

    @Test
    void emptyInputYieldsNothing() {
        assertFalse(asCompleted(List.<Future<String>>of()).iterator().hasNext());
    }

    @Test
    void finishingBeforeTheTimeoutDropsTheTimer() {
        Future<String> a = resultLater(1, "a");
        assertEquals(List.of("a"), loop.runUntilComplete(collectWithTimeout(List.of(a), 100)));
        runOnce();
        assertEquals(0, loop.scheduledTimerCount());
    }
}
