package io.jasyncio.samples.seed2;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AsyncContextManagerTest {
    @Test
    void opensUsesAndClosesWithASecondEachWayInAndOut() {
        Run.Result run = Run.virtual(AsyncContextManager.main());
        assertEquals(List.of("Opening resource", "Using resource", "Closing resource"), run.lines());
        assertEquals(2.0, run.elapsed());
    }
}
