package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

/** Async iteration ({@code async for}, {@code __aiter__}/{@code __anext__}) and the iterable adapters. */
class AsyncIteratorTest extends LoopFixture {

    /** Seed 002 §4.2: an async iterator written by hand, whose {@code __anext__} sleeps a second. */
    static final class AsyncCounter implements AsyncIterable<Integer>, AsyncIterator<Integer> {
        private final int stop;
        private int current;
        private boolean fetched;
        int fetches;

        AsyncCounter(int stop) {
            this.stop = stop;
        }

        @Override
        public AsyncIterator<Integer> iterator() {
            return this;
        }

        @Async
        @Override
        public Coroutine<Boolean> hasNext() {
            if (fetched) {
                return completed(true);
            }
            if (current >= stop) {
                return completed(false);
            }
            fetches++;
            await(sleep(1));
            current++;
            fetched = true;
            return completed(true);
        }

        @Override
        public Integer next() {
            if (!fetched) {
                throw new NoSuchElementException();
            }
            fetched = false;
            return current;
        }
    }

    @Async
    static Coroutine<Void> printAll(AsyncIterable<Integer> source, List<String> out) {
        for (var it = source.iterator(); await(it.hasNext()); ) {
            Integer i = it.next();
            out.add(i + "@" + getRunningLoop().time());
        }
        return completed();
    }

    @Test
    void handWrittenCounterYieldsOneTwoThreeASecondApart() {
        List<String> out = new ArrayList<>();
        loop.runUntilComplete(printAll(new AsyncCounter(3), out));
        assertEquals(List.of("1@1.0", "2@2.0", "3@3.0"), out);
        assertEquals(3.0, loop.time());
    }

    @Async
    static Coroutine<List<Integer>> askTwiceEach(AsyncIterator<Integer> it) {
        List<Integer> got = new ArrayList<>();
        while (await(it.hasNext())) {
            assertTrue(await(it.hasNext()));   // a second ask before next() skips nothing
            got.add(it.next());
        }
        assertFalse(await(it.hasNext()));
        return completed(got);
    }

    @Test
    void hasNextIsIdempotentUntilNext() {
        AsyncCounter counter = new AsyncCounter(3);
        assertEquals(List.of(1, 2, 3), loop.runUntilComplete(askTwiceEach(counter)));
        assertEquals(3, counter.fetches);
        assertEquals(List.of(1, 2, 3),
                loop.runUntilComplete(askTwiceEach(AsyncIterable.from(List.of(1, 2, 3)).iterator())));
        AsyncIterable<Integer> generated = () -> AsyncGenerator.of(out -> AsyncGeneratorTest.ticks(out, 1, 1, 3));
        assertEquals(List.of(1, 2, 3), loop.runUntilComplete(askTwiceEach(generated.iterator())));
        assertEquals(6.0, loop.time());
    }

    @Test
    void fromIterableKeepsNullElementsAndOrder() {
        List<String> items = Arrays.asList("a", null, "c", null);
        List<String> got = loop.runUntilComplete(AsyncIterable.from(items).toList());
        assertEquals(items, got);
        assertEquals(0.0, loop.time());
    }

    @Test
    void toListCollectsAHandWrittenIteratorInVirtualTime() {
        assertEquals(List.of(1, 2, 3, 4), loop.runUntilComplete(new AsyncCounter(4).toList()));
        assertEquals(4.0, loop.time());
    }

    @Test
    void aSynchronousSourceIsIteratedWithoutALoopIteration() {
        List<String> log = new ArrayList<>();
        Task<List<String>> t = loop.createTask(AsyncIterable.from(List.of("x", "y", "z")).toList());
        loop.callSoon(() -> log.add("next callback, done=" + t.isDone()));
        assertEquals(List.of("x", "y", "z"), loop.runUntilComplete(t));
        assertEquals(List.of("next callback, done=true"), log, "the whole loop ran in the task's first step");
    }

    @Test
    void nextWithoutHasNextThrows() {
        AsyncIterator<Integer> it = AsyncIterable.from(List.of(1)).iterator();
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Async
    static Coroutine<List<String>> drain(AsyncQueue<String> q) {
        List<String> got = new ArrayList<>();
        for (var it = AsyncIterable.fromQueue(q).iterator(); await(it.hasNext()); ) {
            got.add(it.next() + "@" + getRunningLoop().time());
            q.taskDone();
        }
        return completed(got);
    }

    @Test
    void queueViewYieldsItemsAsTheyArriveAndEndsAtShutdown() {
        AsyncQueue<String> q = new AsyncQueue<>();
        q.putNowait("ready");
        loop.callLater(1, () -> q.putNowait("late"));
        loop.callLater(2, () -> {
            q.putNowait("last");
            q.shutdown();
        });
        assertEquals(List.of("ready@0.0", "late@1.0", "last@2.0"), loop.runUntilComplete(drain(q)));
    }

    @Test
    void queueViewEndsWhenShutDownWhileWaiting() {
        AsyncQueue<String> q = new AsyncQueue<>();
        loop.callLater(5, q::shutdown);
        assertEquals(List.of(), loop.runUntilComplete(drain(q)));
        assertEquals(5.0, loop.time());
    }

    @Async
    static Coroutine<Boolean> firstWithin(AsyncIterator<Integer> it, double seconds) {
        return completed(await(waitFor(wrap(it), seconds)));
    }

    @Async
    static Coroutine<Boolean> wrap(AsyncIterator<Integer> it) {
        return completed(await(it.hasNext()));
    }

    @Test
    void hasNextCanBeBoundedByATimeout() {
        AsyncCounter slow = new AsyncCounter(1);   // its first element takes 1 s
        assertThrows(AsyncTimeoutException.class, () -> loop.runUntilComplete(firstWithin(slow, 0.5)));
        assertEquals(0.5, loop.time());
    }
}
