package io.jasyncio.samples.seed1;

import io.jasyncio.samples.Run;
import io.jasyncio.samples.web.LocalWebSite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutorBlockingSocketTest {
    private static List<String> pages() {
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pages.add("<html><body>词条 " + i + "</body></html>");
        }
        return pages;
    }

    @Test
    void thePoolFetchesAllTenThenTheLoopFetchesThemInOrder() {
        try (LocalWebSite site = LocalWebSite.start()) {
            Run.Result run = Run.virtual(loop -> ExecutorBlockingSocket.run(loop, site));
            List<String> lines = run.lines();
            assertEquals(22, lines.size(), lines::toString);
            // two threads: any order
            List<String> pooled = new ArrayList<>(lines.subList(0, 10));
            pooled.sort(null);
            assertEquals(pages(), pooled);
            assertTrue(lines.get(10).startsWith("耗时: "), lines.get(10));
            // one by one: request order
            assertEquals(pages(), lines.subList(11, 21));
            assertTrue(lines.get(21).startsWith("耗时: "), lines.get(21));
            assertEquals(20, site.requestCount());
        }
    }
}
