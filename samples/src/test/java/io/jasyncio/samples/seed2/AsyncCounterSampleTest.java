package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.AsyncIterator;
import io.jasyncio.Coroutine;
import io.jasyncio.samples.Run;
import io.jasyncio.samples.seed2.AsyncCounterSample.AsyncCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsyncCounterSampleTest {
    @Test
    void countsToThreeASecondApart() {
        Run.Result run = Run.virtual(AsyncCounterSample.main());
        assertEquals(List.of("1", "2", "3"), run.lines());
        assertEquals(3.0, run.elapsed());
    }

    @Async
    static Coroutine<List<Integer>> askTwiceEach(AsyncIterator<Integer> it) {
        List<Integer> got = new ArrayList<>();
        while (await(it.hasNext())) {
            assertTrue(await(it.hasNext()));
            got.add(it.next());
        }
        return completed(got);
    }

    @Test
    void askingAgainBeforeNextSkipsNothingAndCostsNoTime() {
        Run.Result run = Run.virtual(loop -> assertEquals(List.of(1, 2), loop.runUntilComplete(askTwiceEach(new AsyncCounter(2)))));
        assertEquals(2.0, run.elapsed());
    }

    @Test
    void nextWithoutHasNextFails() {
        assertThrows(NoSuchElementException.class, () -> new AsyncCounter(1).next());
    }
}
