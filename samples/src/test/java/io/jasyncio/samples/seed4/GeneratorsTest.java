package io.jasyncio.samples.seed4;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GeneratorsTest {
    @Test
    void twoStringsThenStopIterationThenAnEndlessCount() {
        assertEquals(List.of(
                "This will print the first string",
                "This will print the second string",
                "StopIteration",
                "0 1 2 3 4"), Run.captured(() -> Generators.main(new String[0])));
    }
}
