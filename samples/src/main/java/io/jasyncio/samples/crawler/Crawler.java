package io.jasyncio.samples.crawler;

import io.jasyncio.AsyncQueue;
import io.jasyncio.AsyncTimeoutException;
import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.QueueShutDownException;
import io.jasyncio.TaskGroup;
import io.jasyncio.samples.http.ConnectionClosedException;
import io.jasyncio.samples.http.HttpConnectionPool;
import io.jasyncio.samples.http.HttpReply;
import io.jasyncio.samples.http.HttpServer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;
import static io.jasyncio.Asyncio.waitFor;

/**
 * A web crawler: a fixed number of worker tasks (the bound on requests in flight) take paths from a
 * queue, fetch them through one connection pool (connections are reused), give every request a deadline,
 * retry timeouts, lost connections and 5xx answers with exponential backoff, and queue the links they
 * find. The crawl ends when the queue's every item is done; shutting the queue down then ends the
 * workers.
 */
public final class Crawler {
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"]*)\"");

    private final HttpConnectionPool pool;
    private final String host;
    private final int port;
    private final int concurrency;
    private final double requestTimeout;
    private final int retries;
    private final int maxPages;

    private final AsyncQueue<String> frontier = new AsyncQueue<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private int requests;
    private int retried;
    private int timeouts;
    private int inFlight;
    private int maxInFlight;

    public Crawler(HttpConnectionPool pool, String host, int port, int concurrency, double requestTimeout, int retries,
                   int maxPages) {
        this.pool = pool;
        this.host = host;
        this.port = port;
        this.concurrency = concurrency;
        this.requestTimeout = requestTimeout;
        this.retries = retries;
        this.maxPages = maxPages;
    }

    @Async
    public Coroutine<CrawlReport> crawl(String start) {
        enqueue(start);
        try (TaskGroup workers = new TaskGroup()) {
            for (int i = 0; i < concurrency; i++) {
                workers.createTask(worker(), "crawler-" + i);
            }
            await(frontier.join());
            frontier.shutdown();   // the workers' next get() ends them
        }
        return completed(new CrawlReport(statuses, requests, retried, timeouts, maxInFlight, pool.connectionsOpened()));
    }

    @Async
    private Coroutine<Void> worker() {
        while (true) {
            String path;
            try {
                path = await(frontier.get());
            } catch (QueueShutDownException e) {
                return completed();
            }
            try {
                HttpReply reply = await(fetch(path));
                statuses.put(path, reply == null ? -1 : reply.status());
                if (reply != null && reply.status() == 200) {
                    Matcher links = LINK.matcher(reply.text());
                    while (links.find()) {
                        enqueue(links.group(1));
                    }
                }
            } finally {
                frontier.taskDone();
            }
        }
    }

    /** The reply after at most {@code retries} retries; null if no attempt got one. */
    @Async
    private Coroutine<HttpReply> fetch(String path) {
        for (int attempt = 0; ; attempt++) {
            HttpReply reply = null;
            requests++;
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            try {
                reply = await(waitFor(pool.get(host, port, path), requestTimeout));
            } catch (AsyncTimeoutException e) {
                timeouts++;
            } catch (ConnectionClosedException e) {
                // lost the connection: worth another try
            } finally {
                inFlight--;
            }
            boolean retryable = reply == null || reply.status() >= 500;
            if (!retryable || attempt == retries) {
                return completed(reply);
            }
            retried++;
            await(sleep(0.1 * (1 << attempt)));   // back off: 0.1 s, 0.2 s, 0.4 s...
        }
    }

    private void enqueue(String path) {
        if (seen.size() < maxPages && seen.add(path)) {
            frontier.putNowait(path);
        }
    }

    /** Crawls a 100-page demo site served on this same loop, and prints what it found. */
    @Async
    public static Coroutine<CrawlReport> main() {
        HttpServer site = new HttpServer(new DemoSite(100).router());
        int port = await(site.start("127.0.0.1", 0)).getPort();
        CrawlReport report;
        try (HttpConnectionPool pool = new HttpConnectionPool()) {
            report = await(new Crawler(pool, "127.0.0.1", port, 8, 0.5, 2, 1000).crawl("/page/0"));
        }
        await(site.shutdown(1));
        System.out.println("crawled " + report.statuses().size() + " pages: " + report.ok() + " ok, "
                + report.failed() + " failed " + failures(report));
        System.out.println("requests: " + report.requests() + ", retries: " + report.retries() + ", timeouts: "
                + report.timeouts() + ", max in flight: " + report.maxInFlight() + ", connections opened: "
                + report.connectionsOpened());
        return completed(report);
    }

    private static Map<String, Integer> failures(CrawlReport report) {
        Map<String, Integer> failed = new TreeMap<>();
        report.statuses().forEach((path, status) -> {
            if (status != 200) {
                failed.put(path, status);
            }
        });
        return failed;
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
