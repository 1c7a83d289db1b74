package io.jasyncio.samples.seed0;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DownloadsTest {
    @Test
    void bothDownloadsRunTogetherInOneSecond() {
        Run.Result run = Run.virtual(Downloads.main());
        assertEquals(List.of("开始下载!", "开始下载!", "下载完成", "下载完成", "['Ciallo', 'Ciallo']"), run.lines());
        assertEquals(1.0, run.elapsed());   // one second, not two
    }
}
