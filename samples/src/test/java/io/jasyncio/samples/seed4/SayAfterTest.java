package io.jasyncio.samples.seed4;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SayAfterTest {
    @Test
    void sequentialAwaitsAddUp() {
        Run.Result run = Run.virtual(SayAfter.main());
        List<String> lines = run.lines();
        assertEquals(4, lines.size(), lines::toString);
        assertTrue(lines.get(0).matches("started at \\d\\d:\\d\\d:\\d\\d"), lines.get(0));
        assertEquals(List.of("hello", "world"), lines.subList(1, 3));
        assertTrue(lines.get(3).matches("finished at \\d\\d:\\d\\d:\\d\\d"), lines.get(3));
        assertEquals(3.0, run.elapsed());   // 1 s, then 2 s
    }
}
