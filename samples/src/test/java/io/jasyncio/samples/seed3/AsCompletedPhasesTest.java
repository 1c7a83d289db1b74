package io.jasyncio.samples.seed3;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AsCompletedPhasesTest {
    @Test
    void eachResultIsTakenAsItsPhaseFinishes() {
        Run.Result run = Run.virtual(AsCompletedPhases::run);
        assertEquals(List.of(
                "等待所有步骤完成",
                "在步骤 0", "在步骤 1", "在步骤 2", "在步骤 3",
                "步骤 0 完成", "收到的结果: '步骤 0 的结果'",
                "步骤 1 完成", "收到的结果: '步骤 1 的结果'",
                "步骤 2 完成", "收到的结果: '步骤 2 的结果'",
                "步骤 3 完成", "收到的结果: '步骤 3 的结果'"), run.lines());
        assertEquals(3.0, run.elapsed());
    }
}
