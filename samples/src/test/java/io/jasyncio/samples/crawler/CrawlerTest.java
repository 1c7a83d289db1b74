package io.jasyncio.samples.crawler;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.samples.Run;
import io.jasyncio.samples.http.HttpConnectionPool;
import io.jasyncio.samples.http.HttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CrawlerTest {
    @Test
    void theDemoCrawlFindsEveryPageRetriesAndGivesUpOnTheSlowOne() {
        AtomicReference<CrawlReport> report = new AtomicReference<>();
        Run.Result run = Run.virtual(loop -> report.set(loop.runUntilComplete(Crawler.main())));
        CrawlReport r = report.get();
        assertEquals(102, r.statuses().size());
        assertEquals(101, r.ok());
        assertEquals(-1, r.statuses().get("/slow"));       // three attempts, three timeouts
        assertEquals(200, r.statuses().get("/flaky"));     // two 503s, then success
        assertEquals(3, r.timeouts());
        assertEquals(4, r.retries());                      // two for /slow, two for /flaky
        assertEquals(102 + 4, r.requests());
        assertEquals(8, r.maxInFlight());                  // never more than the workers
        assertEquals(List.of(
                "crawled 102 pages: 101 ok, 1 failed {/slow=-1}",
                "requests: 106, retries: 4, timeouts: 3, max in flight: 8, connections opened: " + r.connectionsOpened()),
                run.lines());
    }

    @Async
    static Coroutine<Object[]> smallCrawl(int pages, int concurrency, int maxPages) {
        HttpServer site = new HttpServer(new DemoSite(pages).router());
        int port = await(site.start("127.0.0.1", 0)).getPort();
        CrawlReport report;
        try (HttpConnectionPool pool = new HttpConnectionPool()) {
            report = await(new Crawler(pool, "127.0.0.1", port, concurrency, 5, 0, maxPages).crawl("/page/0"));
        }
        Object[] result = {report, site.connectionsAccepted(), site.requestsServed()};
        await(site.shutdown(10));
        return completed(result);
    }

    @Test
    void connectionsAreReusedAndConcurrencyIsBounded() {
        Object[] result = new Object[1];
        Run.virtual(loop -> result[0] = loop.runUntilComplete(smallCrawl(7, 3, 1000)));
        Object[] r = (Object[]) result[0];
        CrawlReport report = (CrawlReport) r[0];
        // pages 0..6, plus /slow and /flaky linked from pages 1 and 2; no retries allowed
        assertEquals(9, report.statuses().size());
        assertEquals(Map.of("/slow", -1, "/flaky", 503), Map.of("/slow", report.statuses().get("/slow"),
                "/flaky", report.statuses().get("/flaky")));
        assertEquals(3, report.maxInFlight());
        assertEquals(9, report.requests());
        // 9 requests over at most 3 connections at a time; the one that timed out was closed, so at most 4
        assertEquals(true, report.connectionsOpened() <= 4, "connections opened: " + report.connectionsOpened());
        assertEquals(report.connectionsOpened(), r[1]);
    }

    @Test
    void theCrawlStopsAtItsPageLimit() {
        Object[] result = new Object[1];
        Run.virtual(loop -> result[0] = loop.runUntilComplete(smallCrawl(100, 4, 10)));
        CrawlReport report = (CrawlReport) ((Object[]) result[0])[0];
        assertEquals(10, report.statuses().size());
    }
}
