package io.jasyncio.samples.seed1;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DoneCallbackTest {
    @Test
    void theCallbackGetsItsBoundArgumentAndTheFuture() {
        Run.Result run = Run.virtual(DoneCallback::run);
        assertEquals(List.of(
                "this is a test for async",
                "test again",
                "callback ==> lixingyun another ==> wanglin",
                "lixingyun"), run.lines());
        assertEquals(2.0, run.elapsed());
    }
}
