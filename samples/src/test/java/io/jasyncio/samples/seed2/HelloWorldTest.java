package io.jasyncio.samples.seed2;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HelloWorldTest {
    @Test
    void helloThenWorldOneSecondLater() {
        Run.Result run = Run.virtual(HelloWorld.helloWorld());
        assertEquals(List.of("Hello", "World"), run.lines());
        assertEquals(1.0, run.elapsed());
    }

    @Test
    void myCoroutineReturnsDoneAfterASecond() {
        Run.Result run = Run.virtual(loop -> assertEquals("Done", loop.runUntilComplete(HelloWorld.myCoroutine())));
        assertEquals(1.0, run.elapsed());
    }

    @Test
    void theOldWayPrintsTheSame() {
        assertEquals(List.of("Hello", "World"), Run.captured(HelloWorld::runTheOldWay));
    }
}
