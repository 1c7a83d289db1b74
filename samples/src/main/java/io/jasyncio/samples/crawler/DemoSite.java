package io.jasyncio.samples.crawler;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.samples.http.Request;
import io.jasyncio.samples.http.Response;
import io.jasyncio.samples.http.Router;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/**
 * The web the crawler explores, served on the same loop: pages {@code /page/0 .. /page/N-1} form a
 * binary tree of links, page 1 also links to {@code /slow} (answers only after a minute: every attempt
 * times out) and page 2 to {@code /flaky} (503 for its first two requests, then 200).
 */
public final class DemoSite {
    /** How long /slow keeps a client waiting. */
    public static final double SLOW_SECONDS = 60;

    private final int pages;
    private int flakyRequests;

    public DemoSite(int pages) {
        this.pages = pages;
    }

    public Router router() {
        return new Router()
                .get("/page/{n}", this::page)
                .get("/slow", this::slow)
                .get("/flaky", this::flaky);
    }

    @Async
    private Coroutine<Response> page(Request request) {
        int n;
        try {
            n = Integer.parseInt(request.param("n"));
        } catch (NumberFormatException e) {
            return completed(Response.text(404, "no such page\n"));
        }
        if (n < 0 || n >= pages) {
            return completed(Response.text(404, "no such page\n"));
        }
        StringBuilder html = new StringBuilder("<html><body><h1>page ").append(n).append("</h1>\n");
        for (int child = 2 * n + 1; child <= 2 * n + 2 && child < pages; child++) {
            html.append("<a href=\"/page/").append(child).append("\">page ").append(child).append("</a>\n");
        }
        if (n == 1) {
            html.append("<a href=\"/slow\">slow</a>\n");
        }
        if (n == 2) {
            html.append("<a href=\"/flaky\">flaky</a>\n");
        }
        html.append("<a href=\"/page/0\">home</a>\n</body></html>\n");
        return completed(Response.html(html.toString()));
    }

    @Async
    private Coroutine<Response> slow(Request request) {
        await(sleep(SLOW_SECONDS));
        return completed(Response.html("<html><body>finally</body></html>\n"));
    }

    @Async
    private Coroutine<Response> flaky(Request request) {
        if (++flakyRequests <= 2) {
            return completed(Response.text(503, "try again later\n"));
        }
        return completed(Response.html("<html><body>flaky, but up</body></html>\n"));
    }
}
