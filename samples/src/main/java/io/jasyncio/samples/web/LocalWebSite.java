package io.jasyncio.samples.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The public web sites the seeds fetch, played by a small blocking HTTP/1.1 server on loopback (nothing
 * here reaches the internet). It runs on its own threads, not on an event loop, so synchronous code
 * (thread pools, plain sockets) can reach it as well as coroutines. Responses carry no Date header so
 * what a sample prints is the same on every run. Keep-alive is honoured unless the client asks to close.
 */
public final class LocalWebSite implements AutoCloseable {
    /** The pages most samples use: {@code /} and {@code /note} (the seed's two blogs), {@code /item/N}. */
    public static final Function<String, String> DEFAULT_PAGES = path -> {
        if (path.equals("/")) {
            return "<html><body>Ciallo</body></html>";
        }
        if (path.equals("/note")) {
            return "<html><body>note</body></html>";
        }
        if (path.startsWith("/item/")) {
            return "<html><body>词条 " + path.substring("/item/".length()) + "</body></html>";
        }
        return null;
    };

    private final ServerSocket server;
    private final Function<String, String> pages;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;

    private LocalWebSite(Function<String, String> pages) throws IOException {
        this.pages = pages;
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        this.acceptor = daemon(this::acceptLoop, "local-web-site-acceptor");
    }

    /** Starts a site serving {@link #DEFAULT_PAGES}. */
    public static LocalWebSite start() {
        return start(DEFAULT_PAGES);
    }

    /** Starts a site; {@code pages} maps a request path to its HTML, or null for 404. */
    public static LocalWebSite start(Function<String, String> pages) {
        try {
            LocalWebSite site = new LocalWebSite(pages);
            site.acceptor.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local web site", e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT/path}. */
    public String url(String path) {
        return "http://" + host() + ":" + port() + path;
    }

    /** Requests served so far. */
    public int requestCount() {
        return requests.get();
    }

    /** TCP connections accepted so far (fewer than requests when clients reuse connections). */
    public int connectionCount() {
        return accepted.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing is best effort: the acceptor ends either way
        }
        for (Socket s : connections) {
            closeQuietly(s);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                connections.add(s);
                daemon(() -> serve(s), "local-web-site-connection").start();
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            while (true) {
                String requestLine = readLine(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                boolean close = false;
                for (String h; (h = readLine(in)) != null && !h.isEmpty(); ) {
                    if (h.toLowerCase().replace(" ", "").equals("connection:close")) {
                        close = true;
                    }
                }
                String[] parts = requestLine.split(" ");
                String body = parts.length >= 2 ? pages.apply(parts[1]) : null;
                requests.incrementAndGet();
                String status = body != null ? "200 OK" : "404 Not Found";
                byte[] content = (body != null ? body : "<html><body>not found</body></html>").getBytes(StandardCharsets.UTF_8);
                String head = "HTTP/1.1 " + status + "\r\n"
                        + "Content-Type: text/html; charset=utf-8\r\n"
                        + "Content-Length: " + content.length + "\r\n"
                        + (close ? "Connection: close\r\n" : "")
                        + "\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(content);
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (SocketException e) {
            // the client went away, or the site closed
        } catch (IOException e) {
            // a broken request ends only its own connection
        } finally {
            connections.remove(s);
        }
    }

    /** A CRLF-terminated line without its terminator, or null at end of stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != -1; ) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
