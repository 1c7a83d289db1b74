package io.jasyncio.samples.seed2;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AsyncIteratorTest {
    @Test
    void countsToThreeASecondApart() {
        Run.Result run = Run.virtual(AsyncIterator.main());
        assertEquals(List.of("1", "2", "3"), run.lines());
        assertEquals(3.0, run.elapsed());
    }
}
