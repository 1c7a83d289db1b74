package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.samples.AsyncGenerator;
import io.jasyncio.samples.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AsyncGeneratorSampleTest {
    @Test
    void yieldsZeroToTwoASecondApart() {
        Run.Result run = Run.virtual(AsyncGeneratorSample.main());
        assertEquals(List.of("0", "1", "2"), run.lines());
        assertEquals(3.0, run.elapsed());
    }

    /** Records when each value was produced: a value is made only when asked for. */
    @Async
    static Coroutine<Void> logged(List<String> log, AsyncGenerator.Yield<Integer> out) {
        for (int i = 0; i < 2; i++) {
            log.add("make " + i);
            await(out.yield(i));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> consume(List<String> log, AsyncGenerator<Integer> gen) {
        for (Integer v; (v = await(gen.anext())) != null; ) {
            log.add("got " + v);
            await(sleep(1));
        }
        log.add("end");
        return completed();
    }

    @Test
    void valuesAreMadeLazilyOnePerRequest() {
        List<String> log = new ArrayList<>();
        AsyncGenerator<Integer> gen = new AsyncGenerator<>(out -> logged(log, out));
        Run.virtual(consume(log, gen));
        assertEquals(List.of("make 0", "got 0", "make 1", "got 1", "end"), log);
    }

    @Async
    static Coroutine<Void> failing(AsyncGenerator.Yield<Integer> out) {
        await(out.yield(1));
        throw new IllegalStateException("generator broke");
    }

    @Async
    static Coroutine<Integer> twoValues(AsyncGenerator<Integer> gen) {
        int first = await(gen.anext());
        return completed(first + await(gen.anext()));
    }

    @Test
    void aFailureInTheBodyReachesTheConsumer() {
        AsyncGenerator<Integer> gen = new AsyncGenerator<>(AsyncGeneratorSampleTest::failing);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Run.virtual(twoValues(gen)));
        assertEquals("generator broke", e.getMessage());
    }
}
