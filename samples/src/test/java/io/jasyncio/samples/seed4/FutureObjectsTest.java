package io.jasyncio.samples.seed4;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FutureObjectsTest {
    @Test
    void futuresSetByCallbacksAreAwaitedLikeCoroutines() {
        Run.Result run = Run.virtual(FutureObjects.main());
        assertEquals(List.of(
                "set by a callback",
                "['set by a callback', 'this is an awaitable object!']",
                "f: 42, done: true"), run.lines());
        assertEquals(2.0, run.elapsed());   // 1 s, then max(1 s, 0.5 s), then a callSoon
    }
}
