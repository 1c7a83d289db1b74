package io.jasyncio.samples.seed1;

import io.jasyncio.samples.Run;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunUntilCompleteTest {
    private static List<String> round(int coroutines) {
        List<String> lines = new ArrayList<>(Collections.nCopies(coroutines, "this is a test for async"));
        lines.addAll(Collections.nCopies(coroutines, "test again"));
        lines.add("耗时: 2.0");
        return lines;
    }

    @Test
    void everyRoundTakesTwoSecondsHoweverManyCoroutinesItHolds() {
        Run.Result run = Run.virtual(RunUntilComplete::run);
        List<String> expected = new ArrayList<>();
        expected.addAll(round(1));
        expected.addAll(round(2));   // wait
        expected.addAll(round(4));   // gather over two groups
        expected.addAll(round(4));   // gather of gathers
        assertEquals(expected, run.lines());
        assertEquals(8.0, run.elapsed());
    }
}
