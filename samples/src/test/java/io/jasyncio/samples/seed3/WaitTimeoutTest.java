package io.jasyncio.samples.seed3;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WaitTimeoutTest {
    @Test
    void threeFinishWithinTheTimeoutAndTheOtherThreeAreCancelled() {
        Run.Result run = Run.virtual(WaitTimeout::run);
        assertEquals(List.of(
                "等待所有步骤完成",   // the tasks start once main yields to the loop
                "在步骤 0", "在步骤 1", "在步骤 2", "在步骤 3", "在步骤 4", "在步骤 5",
                "步骤 0 完成", "步骤 1 完成", "步骤 2 完成",
                "3 completed and 3 pending",
                "结果: ['步骤 0 的结果', '步骤 1 的结果', '步骤 2 的结果']",
                "取消任务",
                "步骤 3 被取消", "步骤 4 被取消", "步骤 5 被取消"), run.lines());
        assertEquals(0.3, run.elapsed(), 1e-12);
    }
}
