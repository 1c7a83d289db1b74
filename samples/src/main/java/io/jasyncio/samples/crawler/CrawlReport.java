package io.jasyncio.samples.crawler;

import java.util.Map;

/**
 * What a crawl found: each path's final status (-1: no answer within the retries), and how the crawl got
 * there.
 */
public record CrawlReport(Map<String, Integer> statuses, int requests, int retries, int timeouts, int maxInFlight,
                          int connectionsOpened) {

    public long ok() {
        return statuses.values().stream().filter(s -> s == 200).count();
    }

    public long failed() {
        return statuses.size() - ok();
    }
}
