package io.jasyncio.samples.seed1;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChainCoroutinesTest {
    @Test
    void theNestedCoroutineRunsInsideItsCaller() {
        Run.Result run = Run.virtual(ChainCoroutines::run);
        assertEquals(List.of("打印 1 + 2", "计算 1 + 2", "1 + 2 = 3", "耗时: 2.0"), run.lines());
    }
}
