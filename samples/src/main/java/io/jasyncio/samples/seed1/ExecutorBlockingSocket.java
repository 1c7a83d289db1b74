package io.jasyncio.samples.seed1;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.ReturnWhen;
import io.jasyncio.samples.web.LocalWebSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Seed 001, "ThreadPoolExecutor": a blocking socket client, which would stall the loop if called from a
 * coroutine, runs in a thread pool through {@code runInExecutor}, and the loop waits for the results.
 * Then the same ten requests one after the other, for comparison. The encyclopedia the seed fetches is
 * played by a local web site.
 */
public final class ExecutorBlockingSocket {
    private ExecutorBlockingSocket() {
    }

    /** Fetches the page over a plain blocking socket and prints its body. */
    static void getHtml(String address) {
        URI url = URI.create(address);
        String host = url.getHost();
        String path = url.getPath();
        if (path.isEmpty()) {
            path = "/";
        }
        try (Socket client = new Socket(host, url.getPort())) {
            client.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost:" + host + "\r\nConnection:close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            InputStream in = client.getInputStream();
            byte[] recv = new byte[1024];
            for (int n; (n = in.read(recv)) > 0; ) {
                data.write(recv, 0, n);
            }
            String htmlData = data.toString(StandardCharsets.UTF_8).split("\r\n\r\n")[1];
            System.out.println(htmlData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void run(EventLoop loop, LocalWebSite site) {
        double start = loop.time();
        // as many threads as requests in flight works best
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String url = site.url("/item/" + i);
                // runs in the pool; the loop is free meanwhile
                Future<Void> result = loop.runInExecutor(executor, () -> {
                    getHtml(url);
                    return null;
                });
                results.add(result);
            }
            loop.runUntilComplete(Asyncio.wait(results, ReturnWhen.ALL_COMPLETED));
            System.out.println("耗时: " + (loop.time() - start));
        } finally {
            executor.shutdown();
        }

        // the ordinary way, one request at a time
        start = loop.time();
        for (int i = 0; i < 10; i++) {
            getHtml(site.url("/item/" + i));
        }
        System.out.println("耗时: " + (loop.time() - start));
    }

    public static void main(String[] args) {
        try (LocalWebSite site = LocalWebSite.start(); EventLoop loop = new EventLoop()) {
            run(loop, site);
        }
    }
}
