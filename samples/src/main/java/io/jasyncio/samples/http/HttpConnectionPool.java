package io.jasyncio.samples.http;

import io.jasyncio.AsyncCloseable;
import io.jasyncio.Async;
import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;
import io.jasyncio.StreamPair;
import io.jasyncio.StreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.openConnection;

/**
 * An HTTP/1.1 client on the loop's streams that reuses connections: after a keep-alive response the
 * connection goes back to an idle pool per host and port, and the next request to that server takes it
 * instead of connecting again. A pooled connection the server has closed meanwhile is noticed (no status
 * line) and the request is sent once more on a fresh one. A request that fails or is cancelled midway
 * closes its connection, whose state is then unknown.
 */
public final class HttpConnectionPool implements AsyncCloseable {
    private final Map<String, ArrayDeque<StreamPair>> idle = new HashMap<>();
    private int connectionsOpened;

    /** Connections opened so far (fewer than requests when connections are reused). */
    public int connectionsOpened() {
        return connectionsOpened;
    }

    @Async
    public Coroutine<HttpReply> get(String host, int port, String path) {
        return request("GET", host, port, path, new byte[0]);
    }

    @Async
    public Coroutine<HttpReply> request(String method, String host, int port, String path, byte[] body) {
        String key = host + ":" + port;
        ArrayDeque<StreamPair> pooled = idle.get(key);
        StreamPair reused = pooled == null ? null : pooled.pollFirst();
        while (reused != null && reused.reader().atEof()) {
            reused.writer().close();   // the server has closed it while it sat in the pool
            reused = pooled.pollFirst();
        }
        if (reused != null) {
            try {
                return completed(await(exchange(reused, key, method, host, port, path, body)));
            } catch (ConnectionClosedException stale) {
                // the server closed it just as it was reused: send again on a new connection
            }
        }
        connectionsOpened++;
        StreamPair fresh = await(openConnection(host, port));
        return completed(await(exchange(fresh, key, method, host, port, path, body)));
    }

    /** Sends on this connection and reads the reply; returns the connection to the pool if it stays open. */
    @Async
    private Coroutine<HttpReply> exchange(StreamPair connection, String key, String method, String host, int port,
                                          String path, byte[] body) {
        boolean keep = false;
        try {
            String head = method + " " + path + " HTTP/1.1\r\n"
                    + "Host: " + host + ":" + port + "\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "\r\n";
            connection.writer().write(head.getBytes(StandardCharsets.US_ASCII));
            connection.writer().write(body);
            await(connection.writer().drain());
            HttpReply reply = await(readReply(connection.reader()));
            keep = !"close".equalsIgnoreCase(reply.header("Connection"));
            if (keep) {
                idle.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(connection);
            }
            return completed(reply);
        } finally {
            if (!keep) {
                connection.writer().close();
            }
        }
    }

    @Async
    private static Coroutine<HttpReply> readReply(StreamReader reader) {
        String statusLine = line(await(reader.readLine()));
        if (statusLine == null) {
            throw new ConnectionClosedException("the server closed the connection before answering");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IllegalStateException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String h; (h = line(await(reader.readLine()))) != null && !h.isEmpty(); ) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
            }
        }
        String length = headers.get("Content-Length");
        byte[] body = length != null ? await(reader.readExactly(Integer.parseInt(length))) : await(reader.read(-1));
        return completed(new HttpReply(status, headers, body));
    }

    /** The line without CRLF, or null at the end of the stream. */
    private static String line(byte[] raw) {
        if (raw.length == 0) {
            return null;
        }
        int n = raw.length;
        if (raw[n - 1] == '\n') {
            n--;
        }
        if (n > 0 && raw[n - 1] == '\r') {
            n--;
        }
        return new String(raw, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** Closes every idle connection. */
    @Async
    public Coroutine<Void> aclose() {
        for (ArrayDeque<StreamPair> connections : idle.values()) {
            for (StreamPair c : connections) {
                c.writer().close();
            }
        }
        idle.clear();
        return completed();
    }

    @Override
    public Awaitable<?> closeAsync(Throwable failure) {
        return aclose();
    }
}
