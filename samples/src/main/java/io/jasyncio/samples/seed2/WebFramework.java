package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.samples.Py;
import io.jasyncio.samples.http.HttpConnectionPool;
import io.jasyncio.samples.http.HttpReply;
import io.jasyncio.samples.http.HttpServer;
import io.jasyncio.samples.http.Request;
import io.jasyncio.samples.http.Response;
import io.jasyncio.samples.http.Router;
import java.net.InetSocketAddress;
import java.util.List;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 002, §7.3 "异步Web框架(FastAPI)": the two routes as coroutines on the samples' small HTTP server
 * ({@link HttpServer}). A path parameter that is not an integer gets a 422, as FastAPI's validation
 * answers. The sample then plays the browser: it asks for each route and prints the replies.
 */
public final class WebFramework {
    private WebFramework() {
    }

    @Async
    public static Coroutine<Response> readRoot(Request request) {
        await(sleep(1));
        return completed(Response.json(Py.dict("Hello", "World")));
    }

    @Async
    public static Coroutine<Response> readItem(Request request) {
        int itemId;
        try {
            itemId = Integer.parseInt(request.param("item_id"));
        } catch (NumberFormatException e) {
            return completed(Response.json(422, Py.dict("detail", "item_id: Input should be a valid integer")));
        }
        return completed(Response.json(Py.dict("item_id", itemId)));
    }

    /** Python's {@code app = FastAPI()} with its two decorated routes. */
    public static Router app() {
        return new Router()
                .get("/", WebFramework::readRoot)
                .get("/items/{item_id}", WebFramework::readItem);
    }

    @Async
    public static Coroutine<Void> main() {
        HttpServer server = new HttpServer(app());
        InetSocketAddress address = await(server.start("127.0.0.1", 0));
        try (HttpConnectionPool client = new HttpConnectionPool()) {
            for (String path : List.of("/", "/items/42", "/items/foo")) {
                HttpReply reply = await(client.get("127.0.0.1", address.getPort(), path));
                System.out.println("GET " + path + " -> " + reply.status() + " " + reply.text());
            }
        }
        await(server.shutdown(5));
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
