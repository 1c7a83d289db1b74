package io.jasyncio.samples.seed4;

import io.jasyncio.samples.Run;
import io.jasyncio.samples.web.LocalWebSite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadingComparisonTest {
    /** The "Read N from url" lines expected for the two sites repeated, in a canonical order. */
    private static List<String> reads(LocalWebSite site, int times) {
        List<String> reads = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            reads.add("Read 32 from " + site.url("/"));
            reads.add("Read 30 from " + site.url("/note"));
        }
        reads.sort(null);
        return reads;
    }

    private static void assertDownloads(List<String> lines, LocalWebSite site, int times, String summary) {
        assertEquals(2 * times + 1, lines.size(), lines::toString);
        List<String> read = new ArrayList<>(lines.subList(0, 2 * times));
        read.sort(null);   // concurrent downloads finish in any order
        assertEquals(reads(site, times), read);
        assertTrue(lines.get(2 * times).matches(summary), lines.get(2 * times));
    }

    @Test
    void threadsDownloadEverySite() throws Exception {
        try (LocalWebSite site = LocalWebSite.start()) {
            List<String> lines = Run.captured(() -> {
                try {
                    ThreadingVersion.run(site, 10);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertDownloads(lines, site, 10, "Downloaded 20 in [0-9.E-]+ seconds");
            assertEquals(20, site.requestCount());
        }
    }

    @Test
    void oneThreadDownloadsEverySiteToo() {
        try (LocalWebSite site = LocalWebSite.start()) {
            Run.Result run = Run.virtual(AsyncioVersion.main(ThreadingVersion.sites(site, 10)));
            assertDownloads(run.lines(), site, 10, "Downloaded 20 sites in 0.0 seconds");
            assertEquals(20, site.requestCount());
        }
    }
}
