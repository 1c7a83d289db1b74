package io.jasyncio.bench;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.samples.http.HttpServer;
import io.jasyncio.samples.http.Request;
import io.jasyncio.samples.http.Response;
import io.jasyncio.samples.http.Router;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import static io.jasyncio.Asyncio.completed;

/**
 * Workload 8's HTTP/1.1 servers, all answering {@code GET /hello} with 200, {@code text/plain} and the
 * 13-byte body {@code Hello, World!}, keeping the connection alive; any other path is a 404. Each runs in
 * the benchmark's JVM: {@link #start} returns once it listens, {@link Server#close} stops it.
 */
final class HttpServers {
    static final String PATH = "/hello";
    static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    static final String CONTENT_TYPE = "text/plain";

    private HttpServers() {
    }

    static BenchServer start(String kind) throws Exception {
        return switch (kind) {
            case "jasyncio" -> jasyncio();
            case "netty-nio" -> netty(false);
            case "netty-epoll" -> netty(true);
            case "vt" -> new BlockingVirtualThreads();
            case "vt-jdk-httpserver" -> jdkHttpServer();
            default -> throw new IllegalArgumentException("unknown server " + kind);
        };
    }

    /** Whether the server can run here (epoll needs Linux and Netty's native library; virtual threads JDK 21+). */
    static String unavailable(String kind) {
        if (kind.equals("netty-epoll") && !Epoll.isAvailable()) {
            return "Netty epoll unavailable: " + Epoll.unavailabilityCause();
        }
        if (kind.startsWith("vt") && !VirtualThreads.available()) {
            return "virtual threads need JDK 21+; running on " + Runtime.version();
        }
        return null;
    }

    // ------------------------------------------------------------ (a) the jasyncio sample's HttpServer

    /** The route's handler, written as a user of the sample writes one. */
    @Async
    static Coroutine<Response> hello(Request request) {
        return completed(new Response(200, CONTENT_TYPE, BODY));
    }

    private static BenchServer jasyncio() throws Exception {
        return LoopThread.start("jasyncio-http", loop -> {
            HttpServer http = new HttpServer(new Router().get(PATH, HttpServers::hello));
            int port = loop.runUntilComplete(http.start("127.0.0.1", 0)).getPort();
            return new LoopThread.Listening(port, l -> l.runUntilComplete(http.shutdown(1.0)));
        });
    }

    // ------------------------------------------------------------ (b) Netty HTTP, one event loop

    /**
     * Netty's usual shape: HttpServerCodec + HttpObjectAggregator (bodies read whole, as the sample does),
     * a response written per request and flushed once per read batch (channelReadComplete).
     */
    static final class NettyHello extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String uri = request.uri();
            int q = uri.indexOf('?');
            String path = q < 0 ? uri : uri.substring(0, q);
            boolean found = path.equals(PATH) && (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD);
            FullHttpResponse response = found
                    ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(BODY))
                    : new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND,
                            Unpooled.copiedBuffer("Not Found\n", StandardCharsets.US_ASCII));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, found ? CONTENT_TYPE : "text/plain; charset=utf-8")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.write(response);
            } else {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private static BenchServer netty(boolean epoll) throws Exception {
        return new NettyServer(epoll, pipeline -> pipeline.addLast(
                new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new NettyHello()));
    }

    // ------------------------------------------------------------ (c) virtual threads, blocking I/O

    /**
     * Loom's model: plain blocking sockets, one virtual thread per connection, serving its requests in
     * turn. The parser does what the sample's does per request (request line, headers into a
     * case-insensitive map, a Content-Length body, HTTP/1.0 and 1.1 keep-alive rules, a path lookup), so
     * the comparison is between scheduling models, not between a full parser and a string match.
     */
    static final class BlockingVirtualThreads implements BenchServer {
        private final ServerSocket listener = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private final Thread acceptor;

        BlockingVirtualThreads() throws IOException {
            acceptor = VirtualThreads.start(this::accept);
        }

        @Override
        public int port() {
            return listener.getLocalPort();
        }

        @Override
        public Thread thread() {
            return null;
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    s.setTcpNoDelay(true);
                    open.add(s);
                    VirtualThreads.start(() -> serve(s));
                } catch (IOException e) {
                    return;   // closed
                }
            }
        }

        private void serve(Socket socket) {
            try (socket) {
                Input in = new Input(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                while (true) {
                    String requestLine = in.readLine();
                    if (requestLine == null || requestLine.isEmpty()) {
                        return;   // closed between requests
                    }
                    String[] parts = requestLine.split(" ");
                    if (parts.length != 3) {
                        return;
                    }
                    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                    String header;
                    while ((header = in.readLine()) != null && !header.isEmpty()) {
                        int colon = header.indexOf(':');
                        if (colon > 0) {
                            headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
                        }
                    }
                    if (header == null) {
                        return;
                    }
                    String length = headers.get("Content-Length");
                    if (length != null) {
                        in.skip(Long.parseLong(length));
                    }
                    String connection = headers.getOrDefault("Connection", "").toLowerCase();
                    boolean keepAlive = parts[2].equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
                    String target = parts[1];
                    int q = target.indexOf('?');
                    String path = q < 0 ? target : target.substring(0, q);
                    boolean found = path.equals(PATH) && (parts[0].equals("GET") || parts[0].equals("HEAD"));
                    byte[] body = found ? BODY : "Not Found\n".getBytes(StandardCharsets.US_ASCII);
                    String head = "HTTP/1.1 " + (found ? "200 OK" : "404 Not Found") + "\r\n"
                            + "Content-Type: " + (found ? CONTENT_TYPE : "text/plain; charset=utf-8") + "\r\n"
                            + "Content-Length: " + body.length + "\r\n"
                            + "Connection: " + (keepAlive ? "keep-alive" : "close") + "\r\n\r\n";
                    // head and body in one write (one syscall), as the others send them
                    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
                    boolean withBody = !parts[0].equals("HEAD");
                    byte[] response = new byte[headBytes.length + (withBody ? body.length : 0)];
                    System.arraycopy(headBytes, 0, response, 0, headBytes.length);
                    if (withBody) {
                        System.arraycopy(body, 0, response, headBytes.length, body.length);
                    }
                    out.write(response);
                    if (!keepAlive) {
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the client went away, or sent something this server does not parse: drop the connection
            } finally {
                open.remove(socket);
            }
        }

        /**
         * A read buffer of its own rather than BufferedInputStream, whose read() takes a lock per byte:
         * lines are found by scanning the buffer, as the loop's StreamReader does.
         */
        private static final class Input {
            private final InputStream in;
            private final byte[] buf = new byte[8192];
            private int pos;
            private int lim;

            Input(InputStream in) {
                this.in = in;
            }

            /** A line without its CRLF; null at end of stream (or a line longer than the buffer). */
            String readLine() throws IOException {
                int scanned = pos;
                while (true) {
                    for (int i = scanned; i < lim; i++) {
                        if (buf[i] == '\n') {
                            int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                            String line = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                            pos = i + 1;
                            return line;
                        }
                    }
                    if (pos > 0) {   // compact, then read more
                        System.arraycopy(buf, pos, buf, 0, lim - pos);
                        lim -= pos;
                        pos = 0;
                    }
                    scanned = lim;
                    if (lim == buf.length) {
                        return null;
                    }
                    int n = in.read(buf, lim, buf.length - lim);
                    if (n < 0) {
                        return null;
                    }
                    lim += n;
                }
            }

            void skip(long n) throws IOException {
                long buffered = Math.min(n, lim - pos);
                pos += (int) buffered;
                in.skipNBytes(n - buffered);
            }
        }

        @Override
        public void close() throws Exception {
            listener.close();
            for (Socket s : open) {
                s.close();
            }
            acceptor.join();
        }
    }

    /**
     * The JDK's own com.sun.net.httpserver with a virtual thread per exchange: what a user reaches for
     * first. Its dispatcher is one platform thread with a selector that hands each request to the
     * executor, so it is not thread-per-connection; kept as a second virtual-thread row.
     */
    private static BenchServer jdkHttpServer() throws Exception {
        com.sun.net.httpserver.HttpServer server =
                com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext(PATH, exchange -> {
            try (exchange) {
                boolean found = exchange.getRequestURI().getPath().equals(PATH);
                byte[] body = found ? BODY : "Not Found\n".getBytes(StandardCharsets.US_ASCII);
                exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
                exchange.sendResponseHeaders(found ? 200 : 404, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        // Executors.newVirtualThreadPerTaskExecutor(), through a method handle: the module compiles with --release 17
        ExecutorService executor;
        try {
            executor = (ExecutorService) MethodHandles.publicLookup()
                    .findStatic(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor",
                            MethodType.methodType(ExecutorService.class))
                    .invoke();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        server.setExecutor(executor);
        server.start();
        return new BenchServer() {
            @Override
            public int port() {
                return server.getAddress().getPort();
            }

            @Override
            public Thread thread() {
                return null;
            }

            @Override
            public void close() {
                server.stop(0);
                executor.shutdownNow();
            }
        };
    }
}
