package io.jasyncio.samples.seed1;

import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import io.jasyncio.samples.Run;
import io.jasyncio.samples.web.LocalWebSite;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenConnectionGetTest {
    private static String body(int i) {
        return "<html><body>词条 " + i + "</body></html>";
    }

    @Test
    void aPageIsItsLinesWithTerminatorsJoinedByCrLf() {
        try (LocalWebSite site = LocalWebSite.start(); EventLoop loop = new EventLoop(new VirtualClock())) {
            String html = loop.runUntilComplete(OpenConnectionGet.getHtml(site.url("/item/7")));
            int length = body(7).getBytes(StandardCharsets.UTF_8).length;
            // every line read keeps its CRLF, and the join adds another, as in the Python
            assertEquals("HTTP/1.1 200 OK\r\n\r\n"
                    + "Content-Type: text/html; charset=utf-8\r\n\r\n"
                    + "Content-Length: " + length + "\r\n\r\n"
                    + "Connection: close\r\n\r\n"
                    + "\r\n\r\n"
                    + body(7), html);
        }
    }

    @Test
    void twentyPagesInRequestOrderThenInCompletionOrder() {
        try (LocalWebSite site = LocalWebSite.start()) {
            Run.Result run = Run.virtual(loop -> OpenConnectionGet.run(loop, site));
            List<String> bodies = new ArrayList<>();
            List<String> timings = new ArrayList<>();
            for (String line : run.lines()) {
                if (line.startsWith("<html>")) {
                    bodies.add(line);
                } else if (line.startsWith("耗时: ")) {
                    timings.add(line);
                }
            }
            assertEquals(2, timings.size());
            assertEquals(40, bodies.size());
            for (int i = 0; i < 20; i++) {
                assertEquals(body(i), bodies.get(i));
            }
            List<String> second = new ArrayList<>(bodies.subList(20, 40));
            for (int i = 0; i < 20; i++) {
                assertTrue(second.remove(body(i)), "missing " + body(i));
            }
            assertEquals(40, site.requestCount());
        }
    }
}
