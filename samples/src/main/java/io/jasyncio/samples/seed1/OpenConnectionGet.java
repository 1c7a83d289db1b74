package io.jasyncio.samples.seed1;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.ReturnWhen;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import io.jasyncio.Task;
import io.jasyncio.samples.web.LocalWebSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.jasyncio.Asyncio.asCompleted;
import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.ensureFuture;
import static io.jasyncio.Asyncio.openConnection;

/**
 * Seed 001, "模拟http请求": the same GET written with the loop's own streams, so no thread is needed.
 * Twenty requests run at once; their pages are printed first in request order, then again in the order
 * they complete ({@code asCompleted}).
 */
public final class OpenConnectionGet {
    private OpenConnectionGet() {
    }

    @Async
    public static Coroutine<String> getHtml(String address) {
        URI url = URI.create(address);
        String host = url.getHost();
        String path = url.getPath();
        if (path.isEmpty()) {
            path = "/";
        }
        var connection = await(openConnection(host, url.getPort()));
        StreamReader reader = connection.reader();
        StreamWriter writer = connection.writer();
        writer.write(("GET " + path + " HTTP/1.1\r\nHost:" + host + "\r\nConnection:close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        // Python's "async for raw_line in reader": lines until end of stream
        List<String> allLines = new ArrayList<>();
        for (byte[] rawLine; (rawLine = await(reader.readLine())).length > 0; ) {
            allLines.add(new String(rawLine, StandardCharsets.UTF_8));
        }
        writer.close();
        return completed(String.join("\r\n", allLines));
    }

    @Async
    public static Coroutine<Void> main(LocalWebSite site) {
        List<Task<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add((Task<String>) ensureFuture(getHtml(site.url("/item/" + i))));
        }
        for (Awaitable<String> task : asCompleted(tasks)) {
            String result = await(task);
            System.out.println(result);
        }
        return completed();
    }

    public static void run(EventLoop loop, LocalWebSite site) {
        double start = loop.time();
        List<Task<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(loop.createTask(getHtml(site.url("/item/" + i))));
        }
        loop.runUntilComplete(Asyncio.wait(tasks, ReturnWhen.ALL_COMPLETED));
        for (Task<String> task : tasks) {
            System.out.println(task.result());
        }
        System.out.println("耗时: " + (loop.time() - start));

        // printing each page as soon as it arrives
        start = loop.time();
        loop.runUntilComplete(main(site));
        System.out.println("耗时: " + (loop.time() - start));
    }

    public static void main(String[] args) {
        try (LocalWebSite site = LocalWebSite.start(); EventLoop loop = new EventLoop()) {
            run(loop, site);
        }
    }
}
