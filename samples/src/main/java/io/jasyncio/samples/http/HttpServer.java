package io.jasyncio.samples.http;

import io.jasyncio.AsyncTimeoutException;
import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.IncompleteReadException;
import io.jasyncio.LimitOverrunException;
import io.jasyncio.Server;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import io.jasyncio.Task;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.currentTask;
import static io.jasyncio.Asyncio.startServer;
import static io.jasyncio.Asyncio.waitFor;

/**
 * A small HTTP/1.1 server on the loop's streams: one task per connection, requests on a connection
 * answered in turn (keep-alive), routes with path parameters ({@link Router}), HEAD answered by the GET
 * route without the body, {@code Expect: 100-continue}, {@link Limits} on what a client may send, and a
 * graceful {@link #shutdown}: stop accepting, close idle connections, let requests in progress finish (each
 * then closes its connection), and cut off what is left after a grace period. A client that goes away
 * mid-request or mid-answer just ends its connection.
 */
public final class HttpServer {
    private static final byte[] CRLF = {'\r', '\n'};

    /** A connection's task, and whether it is between requests (safe to close at shutdown). */
    private static final class Connection {
        final Task<?> task;
        boolean idle = true;

        Connection(Task<?> task) {
            this.task = task;
        }
    }

    private final Router router;
    private final Limits limits;
    private final Set<Connection> connections = new LinkedHashSet<>();
    private Server server;
    private boolean draining;
    private int requestsServed;
    private int connectionsAccepted;

    public HttpServer(Router router) {
        this(router, Limits.DEFAULT);
    }

    public HttpServer(Router router, Limits limits) {
        this.router = router;
        this.limits = limits;
    }

    /** Starts listening (port 0: any free port) and returns the address bound. */
    @Async
    public Coroutine<InetSocketAddress> start(String host, int port) {
        server = await(startServer(this::serveConnection, host, port));
        return completed(server.localAddress());
    }

    public int requestsServed() {
        return requestsServed;
    }

    public int connectionsAccepted() {
        return connectionsAccepted;
    }

    /** Connections open right now. */
    public int openConnections() {
        return connections.size();
    }

    /**
     * Graceful shutdown: no new connections; idle ones are closed now; busy ones finish the request they
     * are serving and close. Connections still open after {@code grace} seconds are cancelled.
     */
    @Async
    public Coroutine<Void> shutdown(double grace) {
        draining = true;
        server.close();
        for (Connection c : new ArrayList<>(connections)) {
            if (c.idle) {
                c.task.cancel();
            }
        }
        try {
            await(waitFor(server.waitClosed(), grace));
        } catch (AsyncTimeoutException e) {
            for (Connection c : new ArrayList<>(connections)) {
                c.task.cancel();
            }
            await(server.waitClosed());
        }
        return completed();
    }

    @Async
    private Coroutine<Void> serveConnection(StreamReader reader, StreamWriter writer) {
        Connection self = new Connection(currentTask());
        connections.add(self);
        connectionsAccepted++;
        try {
            boolean keepAlive = true;
            while (keepAlive && !draining) {
                self.idle = true;
                Request request;
                try {
                    request = await(waitFor(readRequest(reader, writer), limits.keepAliveTimeout()));
                } catch (AsyncTimeoutException e) {
                    break;   // idle (or too slow sending its head): close
                } catch (HttpError e) {
                    await(send(writer, Response.text(e.status(), e.getMessage() + "\n"), false, true));
                    break;
                }
                if (request == null) {
                    break;   // the client closed between requests
                }
                self.idle = false;
                Response response = await(dispatch(request));
                requestsServed++;
                keepAlive = request.wantsKeepAlive() && !draining;
                // HEAD: the head a GET would get, never a body (one would be read as the next response)
                await(send(writer, response, keepAlive, !request.method().equals("HEAD")));
            }
        } catch (Exception e) {
            if (!(e instanceof IOException || e instanceof IncompleteReadException)) {
                throw e;
            }
            // the client went away (reset, closed inside a body, or while being answered): nobody to answer
        } finally {
            connections.remove(self);
            writer.close();
        }
        return completed();
    }

    @Async
    private Coroutine<Response> dispatch(Request request) {
        Router.Match match = router.find(request.method(), request.path());
        if (match.handler() == null && request.method().equals("HEAD")) {
            match = router.find("GET", request.path());   // HEAD is answered by the GET route
        }
        if (match.handler() == null) {
            return completed(Response.text(match.status(), Response.reason(match.status()) + "\n"));
        }
        try {
            return completed(await(match.handler().handle(request.withParams(match.params()))));
        } catch (CancellationException e) {
            throw e;   // the connection is being shut down: never answer for a cancelled handler
        } catch (RuntimeException e) {
            return completed(Response.text(500, "Internal Server Error\n"));
        }
    }

    /** Reads one request; null when the client closed the connection before starting another. */
    @Async
    private Coroutine<Request> readRequest(StreamReader reader, StreamWriter writer) {
        byte[] line;
        try {
            line = await(reader.readLine());
        } catch (LimitOverrunException e) {
            throw new HttpError(414, "request line too long");
        }
        if (line.length == 0) {
            return completed(null);
        }
        if (line.length > limits.maxRequestLine() + CRLF.length) {
            throw new HttpError(414, "request line too long");
        }
        String[] parts = decode(line).split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.") || !parts[1].startsWith("/")) {
            throw new HttpError(400, "malformed request line");
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int headerBytes = 0;
        while (true) {
            try {
                line = await(reader.readLine());
            } catch (LimitOverrunException e) {
                throw new HttpError(431, "header line too long");
            }
            if (line.length == 0) {
                throw new HttpError(400, "connection closed inside the request head");
            }
            headerBytes += line.length;
            if (headerBytes > limits.maxHeaderBytes()) {
                throw new HttpError(431, "headers too large");
            }
            String header = decode(line);
            if (header.isEmpty()) {
                break;
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new HttpError(400, "malformed header");
            }
            if (headers.size() == limits.maxHeaders()) {
                throw new HttpError(431, "too many headers");
            }
            headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        if (headers.containsKey("Transfer-Encoding")) {
            throw new HttpError(501, "chunked request bodies are not supported");
        }
        int length = contentLength(headers.get("Content-Length"));
        if (length > 0 && parts[2].equals("HTTP/1.1") && "100-continue".equalsIgnoreCase(headers.get("Expect"))) {
            // the client waits for this (curl: up to a second) before it sends the body; over the limit, it got 413
            writer.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] body = length == 0 ? new byte[0] : await(reader.readExactly(length));
        String target = parts[1];
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        return completed(new Request(parts[0], path, parts[2], headers, body, Map.of()));
    }

    private int contentLength(String value) {
        if (value == null) {
            return 0;
        }
        long length;
        try {
            length = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new HttpError(400, "bad Content-Length");
        }
        if (length < 0) {
            throw new HttpError(400, "bad Content-Length");
        }
        if (length > limits.maxBody()) {
            throw new HttpError(413, "body too large");
        }
        return (int) length;
    }

    @Async
    private static Coroutine<Void> send(StreamWriter writer, Response response, boolean keepAlive, boolean withBody) {
        String head = "HTTP/1.1 " + response.status() + " " + Response.reason(response.status()) + "\r\n"
                + "Content-Type: " + response.contentType() + "\r\n"
                + "Content-Length: " + response.body().length + "\r\n"
                + "Connection: " + (keepAlive ? "keep-alive" : "close") + "\r\n"
                + "\r\n";
        writer.write(head.getBytes(StandardCharsets.US_ASCII));
        if (withBody) {
            writer.write(response.body());
        }
        await(writer.drain());
        return completed();
    }

    /** A line without its CRLF (or bare LF). */
    private static String decode(byte[] line) {
        int n = line.length;
        if (n > 0 && line[n - 1] == '\n') {
            n--;
        }
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        return new String(line, 0, n, StandardCharsets.ISO_8859_1);
    }
}
