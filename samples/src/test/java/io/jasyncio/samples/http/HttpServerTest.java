package io.jasyncio.samples.http;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.StreamPair;
import io.jasyncio.Task;
import io.jasyncio.VirtualClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.openConnection;
import static io.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpServerTest {
    private static final String HOST = "127.0.0.1";
    private final EventLoop loop = new EventLoop(new VirtualClock());

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Async
    static Coroutine<Response> hello(Request request) {
        return completed(Response.text(200, "hello " + request.param("name")));
    }

    @Async
    static Coroutine<Response> slow(Request request) {
        await(sleep(Double.parseDouble(request.param("seconds"))));
        return completed(Response.text(200, "slept"));
    }

    @Async
    static Coroutine<Response> broken(Request request) {
        throw new IllegalStateException("handler bug");
    }

    @Async
    static Coroutine<Response> echo(Request request) {
        return completed(Response.text(200, request.text()));
    }

    private static Router router() {
        return new Router()
                .get("/hello/{name}", HttpServerTest::hello)
                .get("/slow/{seconds}", HttpServerTest::slow)
                .get("/broken", HttpServerTest::broken)
                .post("/echo", HttpServerTest::echo);
    }

    /** Sends raw bytes on a new connection and returns everything the server sends until it closes. */
    @Async
    static Coroutine<String> raw(int port, String request) {
        StreamPair c = await(openConnection(HOST, port));
        c.writer().write(request.getBytes(StandardCharsets.ISO_8859_1));
        byte[] all = await(c.reader().read(-1));
        c.writer().close();
        return completed(new String(all, StandardCharsets.ISO_8859_1));
    }

    @Async
    Coroutine<List<Object>> keepAlive() {
        HttpServer server = new HttpServer(router());
        int port = await(server.start(HOST, 0)).getPort();
        List<Object> seen = new ArrayList<>();
        try (HttpConnectionPool client = new HttpConnectionPool()) {
            for (String name : List.of("a", "b", "c")) {
                HttpReply reply = await(client.get(HOST, port, "/hello/" + name));
                seen.add(reply.status() + " " + reply.text() + " " + reply.header("connection"));
            }
            seen.add(client.connectionsOpened());
        }
        seen.add(server.connectionsAccepted());
        seen.add(server.requestsServed());
        await(server.shutdown(1));
        return completed(seen);
    }

    @Test
    void requestsOnOneConnectionAreAnsweredInTurn() {
        assertEquals(List.of("200 hello a keep-alive", "200 hello b keep-alive", "200 hello c keep-alive", 1, 1, 3),
                loop.runUntilComplete(keepAlive()));
    }

    @Async
    Coroutine<List<String>> statuses() {
        HttpServer server = new HttpServer(router(), Limits.DEFAULT.withKeepAliveTimeout(15));
        int port = await(server.start(HOST, 0)).getPort();
        List<String> seen = new ArrayList<>();
        try (HttpConnectionPool client = new HttpConnectionPool()) {
            seen.add(await(client.get(HOST, port, "/nothing")).status() + "");
            seen.add(await(client.request("POST", HOST, port, "/hello/x", new byte[0])).status() + "");
            seen.add(await(client.get(HOST, port, "/broken")).status() + "");
            HttpReply echoed = await(client.request("POST", HOST, port, "/echo", "ping".getBytes(StandardCharsets.UTF_8)));
            seen.add(echoed.status() + " " + echoed.text());
        }
        await(server.shutdown(1));
        return completed(seen);
    }

    @Test
    void unknownPathsWrongMethodsAndFailingHandlersGetTheirStatus() {
        assertEquals(List.of("404", "405", "500", "200 ping"), loop.runUntilComplete(statuses()));
    }

    @Async
    Coroutine<List<String>> limits() {
        HttpServer server = new HttpServer(router(), new Limits(100, 200, 5, 10, 15));
        int port = await(server.start(HOST, 0)).getPort();
        List<String> seen = new ArrayList<>();
        seen.add(firstLine(await(raw(port, "GET /hello/" + "a".repeat(200) + " HTTP/1.1\r\n\r\n"))));
        seen.add(firstLine(await(raw(port, "GET /hello/x HTTP/1.1\r\nX-Big: " + "b".repeat(300) + "\r\n\r\n"))));
        StringBuilder many = new StringBuilder("GET /hello/x HTTP/1.1\r\n");
        for (int i = 0; i < 6; i++) {
            many.append("X-").append(i).append(": 1\r\n");
        }
        seen.add(firstLine(await(raw(port, many.append("\r\n").toString()))));
        seen.add(firstLine(await(raw(port, "POST /echo HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello world"))));
        seen.add(firstLine(await(raw(port, "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"))));
        seen.add(firstLine(await(raw(port, "BROKEN\r\n\r\n"))));
        // within every limit, and HTTP/1.0 without keep-alive: answered, then closed by the server
        seen.add(firstLine(await(raw(port, "POST /echo HTTP/1.0\r\nContent-Length: 10\r\n\r\n0123456789"))));
        await(server.shutdown(1));
        return completed(seen);
    }

    private static String firstLine(String response) {
        return response.substring(0, response.indexOf("\r\n"));
    }

    @Test
    void oversizedRequestsAreRefusedWithTheMatchingStatus() {
        assertEquals(List.of(
                "HTTP/1.1 414 URI Too Long",
                "HTTP/1.1 431 Request Header Fields Too Large",
                "HTTP/1.1 431 Request Header Fields Too Large",
                "HTTP/1.1 413 Content Too Large",
                "HTTP/1.1 501 Not Implemented",
                "HTTP/1.1 400 Bad Request",
                "HTTP/1.1 200 OK"), loop.runUntilComplete(limits()));
    }

    @Async
    Coroutine<List<Object>> idleTimeout() {
        HttpServer server = new HttpServer(router(), Limits.DEFAULT.withKeepAliveTimeout(15));
        int port = await(server.start(HOST, 0)).getPort();
        List<Object> seen = new ArrayList<>();
        try (HttpConnectionPool client = new HttpConnectionPool()) {
            seen.add(await(client.get(HOST, port, "/hello/a")).status());
            await(sleep(20));   // past the server's keep-alive timeout: it closes the idle connection
            seen.add(server.openConnections());
            seen.add(await(client.get(HOST, port, "/hello/b")).status());   // the pool notices and reconnects
            seen.add(client.connectionsOpened());
        }
        await(server.shutdown(1));
        return completed(seen);
    }

    @Test
    void idleConnectionsAreClosedAfterTheKeepAliveTimeout() {
        assertEquals(List.of(200, 0, 200, 2), loop.runUntilComplete(idleTimeout()));
    }

    @Async
    Coroutine<List<Object>> graceful() {
        HttpServer server = new HttpServer(router());
        int port = await(server.start(HOST, 0)).getPort();
        HttpConnectionPool idleClient = new HttpConnectionPool();
        await(idleClient.get(HOST, port, "/hello/idle"));   // leaves a keep-alive connection idle
        HttpConnectionPool busyClient = new HttpConnectionPool();
        Task<HttpReply> busy = createTask(busyClient.get(HOST, port, "/slow/2"));
        await(sleep(0.5));
        List<Object> seen = new ArrayList<>();
        seen.add(server.openConnections());
        double start = loop.time();
        await(server.shutdown(5));
        seen.add(loop.time() - start);   // waited for the busy request, not the whole grace period
        HttpReply reply = await(busy);
        seen.add(reply.status() + " " + reply.text() + " " + reply.header("Connection"));
        seen.add(server.openConnections());
        await(idleClient.aclose());
        return completed(seen);
    }

    @Test
    void shutdownClosesIdleConnectionsAndLetsBusyOnesFinish() {
        assertEquals(List.of(2, 1.5, "200 slept close", 0), loop.runUntilComplete(graceful()));
    }

    @Async
    Coroutine<Void> refusedAfterShutdown() {
        HttpServer server = new HttpServer(router());
        int port = await(server.start(HOST, 0)).getPort();
        await(server.shutdown(1));
        await(openConnection(HOST, port));
        return completed();
    }

    @Test
    void noNewConnectionsAfterShutdown() {
        assertThrows(IOException.class, () -> loop.runUntilComplete(refusedAfterShutdown()));
    }

    @Async
    Coroutine<Double> graceExpires() {
        HttpServer server = new HttpServer(router());
        int port = await(server.start(HOST, 0)).getPort();
        HttpConnectionPool client = new HttpConnectionPool();
        Task<HttpReply> stuck = createTask(client.get(HOST, port, "/slow/100"));
        await(sleep(0.5));
        double start = loop.time();
        await(server.shutdown(1));
        double waited = loop.time() - start;
        try {
            await(stuck);
        } catch (ConnectionClosedException expected) {
            return completed(waited);
        }
        throw new AssertionError("the stuck request was answered");
    }

    @Test
    void whatIsStillRunningAfterTheGracePeriodIsCutOff() {
        assertEquals(1.0, loop.runUntilComplete(graceExpires()));
        assertTrue(loop.allTasks().isEmpty(), loop.allTasks()::toString);
    }
}
