package io.jasyncio.samples.seed2;

import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import io.jasyncio.samples.Run;
import io.jasyncio.samples.web.LocalWebSite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FetchPagesTest {
    @Test
    void fivePagesComeBack() {
        try (LocalWebSite site = LocalWebSite.start()) {
            Run.Result run = Run.virtual(FetchPages.main(site.url("/")));
            assertEquals(List.of("Fetched 5 pages"), run.lines());
            assertEquals(5, site.requestCount());
        }
    }

    @Test
    void theResultsAreThePages() {
        try (LocalWebSite site = LocalWebSite.start(); EventLoop loop = new EventLoop(new VirtualClock())) {
            List<List<String>> pages = new ArrayList<>();
            Run.captured(() -> pages.add(loop.runUntilComplete(FetchPages.main(site.url("/note")))));
            assertEquals(Collections.nCopies(5, "<html><body>note</body></html>"), pages.get(0));
        }
    }
}
