package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.AsyncGenerator;
import io.jasyncio.Coroutine;
import io.jasyncio.Emitter;
import io.jasyncio.samples.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsyncGeneratorSampleTest {
    @Test
    void yieldsZeroToTwoASecondApart() {
        Run.Result run = Run.virtual(AsyncGeneratorSample.main());
        assertEquals(List.of("0", "1", "2"), run.lines());
        assertEquals(3.0, run.elapsed());
    }

    /** Records when each value was produced: a value is made only when asked for. */
    @Async
    static Coroutine<Void> logged(List<String> log, Emitter<Integer> out) {
        for (int i = 0; i < 2; i++) {
            log.add("make " + i);
            await(out.emit(i));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> consume(List<String> log, AsyncGenerator<Integer> gen) {
        for (var it = gen.iterator(); await(it.hasNext()); ) {
            log.add("got " + it.next());
            await(sleep(1));
        }
        log.add("end");
        return completed();
    }

    @Test
    void valuesAreMadeLazilyOnePerRequest() {
        List<String> log = new ArrayList<>();
        AsyncGenerator<Integer> gen = AsyncGenerator.of(out -> logged(log, out));
        Run.virtual(consume(log, gen));
        assertEquals(List.of("make 0", "got 0", "make 1", "got 1", "end"), log);
        assertTrue(gen.isDone());
    }

    @Async
    static Coroutine<Void> failing(Emitter<Integer> out) {
        await(out.emit(1));
        throw new IllegalStateException("generator broke");
    }

    @Async
    static Coroutine<Integer> twoValues(AsyncGenerator<Integer> gen) {
        int first = await(gen.anext());
        return completed(first + await(gen.anext()));
    }

    @Test
    void aFailureInTheBodyReachesTheConsumer() {
        AsyncGenerator<Integer> gen = AsyncGenerator.of(out -> failing(out));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Run.virtual(twoValues(gen)));
        assertEquals("generator broke", e.getMessage());
    }
}
