package io.jasyncio.junit;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

import java.util.List;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** @AsyncTest used for real: surefire runs these through the jasyncio engine, next to Jupiter's tests. */
class VirtualTimeTest {

    @AsyncTest(virtualTime = true)
    @Async
    Coroutine<Void> anHourOfSleepTakesNoTime() {
        double start = getRunningLoop().time();
        long wall = System.nanoTime();
        List<String> r = await(gather(sleep(3600, "a"), sleep(1800, "b")));
        assertEquals(List.of("a", "b"), r);
        assertEquals(3600.0, getRunningLoop().time() - start);
        assertEquals(true, System.nanoTime() - wall < 5_000_000_000L, "virtual time, not an hour");
        return completed();
    }

    @AsyncTest
    @Async
    Coroutine<Void> eachTestHasItsOwnFreshLoop() {
        assertEquals(1, getRunningLoop().allTasks().size(), "only this test's task");
        return completed();
    }
}
