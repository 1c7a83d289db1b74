package io.jasyncio.samples.seed2;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CreateTasksTest {
    @Test
    void bothTasksStartBeforeEitherFinishes() {
        Run.Result run = Run.virtual(CreateTasks.main());
        assertEquals(List.of("Hello", "Hello", "World", "World"), run.lines());
        assertEquals(1.0, run.elapsed());
    }
}
