package io.jasyncio;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * asyncio's {@code Server}: listening sockets that accept connections on the loop and give each one a
 * new protocol and transport. {@link #close()} stops listening (open connections stay); {@link #waitClosed()}
 * then waits until every connection it accepted is closed too. As an {@link AsyncCloseable}, it can be the
 * resource of a try-with-resources inside an {@code @Async} method ({@code async with server}).
 */
public final class Server implements AsyncCloseable {
    /** How long accepting pauses after the system ran out of a resource (file descriptors...), seconds. */
    static final double ACCEPT_RETRY_DELAY = 1.0;

    private final EventLoop loop;
    private final Supplier<? extends Protocol> protocolFactory;
    /** Wraps a new connection's protocol (TLS servers put an SslProtocol in front); null: as is. */
    private final java.util.function.UnaryOperator<Protocol> wrapper;
    private final int backlog;
    private List<Listener> listeners;
    private final List<SocketAddress> addresses = new ArrayList<>();
    private Path unixPath;
    private boolean serving;
    private int activeCount;
    /** The connections this server accepted and that are still open (for closeClients / abortClients). */
    private final java.util.Set<Transport> clients = new java.util.LinkedHashSet<>();
    private List<Future<Void>> waiters = new ArrayList<>();
    private Future<Void> servingForever;

    Server(EventLoop loop, List<ServerSocketChannel> channels, Supplier<? extends Protocol> protocolFactory,
           java.util.function.UnaryOperator<Protocol> wrapper, int backlog) throws IOException {
        this.loop = loop;
        this.protocolFactory = protocolFactory;
        this.wrapper = wrapper;
        this.backlog = backlog;
        this.listeners = new ArrayList<>(channels.size());
        for (ServerSocketChannel ch : channels) {
            Listener l = new Listener(ch);
            l.key = SelectorEvents.attach(loop, ch, l);
            listeners.add(l);
            addresses.add(ch.getLocalAddress());
        }
    }

    // ---------------------------------------------------------------- opening

    /** Binds TCP listening sockets for the host's addresses (all interfaces when host is null). */
    static Future<Server> createTcp(EventLoop loop, Supplier<? extends Protocol> factory, String host, int port,
                                    java.util.function.UnaryOperator<Protocol> wrapper, int backlog) {
        SelectorEvents.checkPort(port, "startServer");
        Future<Server> result = new Future<>(loop);
        Future<java.net.InetAddress[]> resolved = SelectorEvents.getAddrInfo(loop, host);
        Runnable bind = () -> {
            if (result.isDone()) {
                return;
            }
            if (resolved.isCancelled()) {
                result.cancel();
                return;
            }
            if (SelectorEvents.failure(resolved) != null) {
                result.setException(SelectorEvents.failure(resolved));
                return;
            }
            List<ServerSocketChannel> channels = new ArrayList<>();
            try {
                for (java.net.InetAddress a : (java.net.InetAddress[]) resolved.value) {
                    // No host: the JDK's default socket is dual-stack where IPv6 exists, so it takes IPv4 too.
                    ServerSocketChannel ch = a == null ? ServerSocketChannel.open()
                            : a instanceof java.net.Inet6Address
                            ? ServerSocketChannel.open(StandardProtocolFamily.INET6) : ServerSocketChannel.open(StandardProtocolFamily.INET);
                    channels.add(ch);
                    ch.configureBlocking(false);
                    ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                    InetSocketAddress addr = a == null ? new InetSocketAddress(port) : new InetSocketAddress(a, port);
                    try {
                        ch.bind(addr, backlog);
                    } catch (IOException e) {
                        IOException named = new java.net.BindException("error while attempting to bind on address " + addr + ": " + e.getMessage());
                        named.initCause(e);
                        throw named;
                    }
                }
                Server s = new Server(loop, channels, factory, wrapper, backlog);
                s.startServing();
                result.setResult(s);
            } catch (IOException | RuntimeException e) {
                channels.forEach(SelectorEvents::closeQuietly);
                result.setException(e);
            }
        };
        if (resolved.isDone()) {
            bind.run();
        } else {
            resolved.addCallback(bind);
        }
        return result;
    }

    /** Binds a Unix-domain listening socket at {@code path}, replacing a stale socket file left there. */
    static Future<Server> createUnix(EventLoop loop, Supplier<? extends Protocol> factory, Path path,
                                     java.util.function.UnaryOperator<Protocol> wrapper, int backlog) {
        Future<Server> result = new Future<>(loop);
        ServerSocketChannel ch = null;
        try {
            if (Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
                Files.delete(path);   // as asyncio: a socket file from an earlier run would make bind fail
            }
            ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            ch.configureBlocking(false);
            try {
                ch.bind(UnixDomainSocketAddress.of(path), backlog);
            } catch (IOException e) {
                IOException named = new java.net.BindException("error while attempting to bind on path " + path + ": " + e.getMessage());
                named.initCause(e);
                throw named;
            }
            Server s = new Server(loop, List.of(ch), factory, wrapper, backlog);
            s.unixPath = path;
            s.startServing();
            result.setResult(s);
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                SelectorEvents.closeQuietly(ch);
            }
            result.setException(e);
        }
        return result;
    }

    // ---------------------------------------------------------------- the public API

    public EventLoop getLoop() {
        return loop;
    }

    /** The address of the first listening socket: with port 0, this tells the port the system chose. */
    public InetSocketAddress localAddress() {
        if (addresses.isEmpty()) {
            throw new IllegalStateException("the server has no listening socket");
        }
        SocketAddress a = addresses.get(0);
        if (a instanceof InetSocketAddress inet) {
            return inet;
        }
        throw new IllegalStateException("this server listens on " + a + ", not an IP address: use sockets()");
    }

    /** The addresses of the listening sockets (Python's {@code server.sockets}); empty once closed. */
    public List<SocketAddress> sockets() {
        return listeners == null ? List.of() : List.copyOf(addresses);
    }

    public boolean isServing() {
        return serving;
    }

    /** Starts accepting (servers start at once; this restarts one paused by an accept failure). */
    public void startServing() {
        if (serving || listeners == null) {
            return;
        }
        serving = true;
        for (Listener l : listeners) {
            if (l.key.isValid()) {
                l.key.interestOps(SelectionKey.OP_ACCEPT);
            }
        }
    }

    /**
     * Stops listening and closes the listening sockets; connections already accepted stay open.
     * Idempotent.
     */
    public void close() {
        List<Listener> ls = listeners;
        if (ls == null) {
            return;
        }
        listeners = null;
        serving = false;
        for (Listener l : ls) {
            SelectorEvents.closeQuietly(l.channel);
        }
        if (unixPath != null) {
            try {
                Files.deleteIfExists(unixPath);
            } catch (IOException ignored) {
                // someone else owns the path now: leave it
            }
        }
        Future<Void> f = servingForever;
        if (f != null && !f.isDone()) {
            f.cancel();
        }
        if (activeCount == 0) {
            wakeUp();
        }
    }

    /** Completes once the server is closed and every connection it accepted has closed. */
    public Coroutine<Void> waitClosed() {
        return new FutureCoroutine<>(l -> {
            Future<Void> f = new Future<>(loop);
            if (waiters == null) {
                f.setResult(null);
            } else {
                waiters.add(f);
            }
            return f;
        });
    }

    /** Accepts until cancelled; then closes the server and waits for it to be closed. */
    public Coroutine<Void> serveForever() {
        return new ServeForever();
    }

    /** Python 3.13's {@code close_clients()}: closes every accepted connection (after its buffered writes). */
    public void closeClients() {
        for (Transport t : List.copyOf(clients)) {
            t.close();
        }
    }

    /** Python 3.13's {@code abort_clients()}: drops every accepted connection at once. */
    public void abortClients() {
        for (Transport t : List.copyOf(clients)) {
            t.abort();
        }
    }

    @Override
    public Awaitable<?> closeAsync(Throwable failure) {
        close();
        return waitClosed();
    }

    @Override
    public String toString() {
        return "Server[" + addresses + (serving ? " serving" : listeners == null ? " closed" : "") + ", " + activeCount + " connections]";
    }

    // ---------------------------------------------------------------- connections

    void attach(Transport t) {
        activeCount++;
        clients.add(t);
    }

    void detach(Transport t) {
        clients.remove(t);
        activeCount--;
        if (activeCount == 0 && listeners == null) {
            wakeUp();
        }
    }

    private void wakeUp() {
        List<Future<Void>> ws = waiters;
        if (ws == null) {
            return;
        }
        waiters = null;
        for (Future<Void> f : ws) {
            if (!f.isDone()) {
                f.setResult(null);
            }
        }
    }

    private void accepted(SocketChannel conn) {
        Protocol protocol;
        try {
            conn.configureBlocking(false);
            if (conn.getRemoteAddress() instanceof InetSocketAddress) {
                conn.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            protocol = protocolFactory.get();
            if (wrapper != null) {
                protocol = wrapper.apply(protocol);
            }
            new SocketTransport(loop, conn, protocol, null, this);
        } catch (Throwable t) {
            SelectorEvents.closeQuietly(conn);
            report("Error on transport creation for incoming connection", t);
        }
    }

    private void report(String message, Throwable t) {
        if (t instanceof VirtualMachineError vme && !(t instanceof StackOverflowError)) {
            throw vme;
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", message);
        context.put("exception", t);
        context.put("server", this);
        loop.callExceptionHandler(context);
    }

    /** One listening socket's selector attachment. */
    private final class Listener implements EventLoop.IoHandler {
        final ServerSocketChannel channel;
        SelectionKey key;

        Listener(ServerSocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void onReady(SelectionKey k) {
            if (!k.isValid()) {
                return;
            }
            // Accept up to a backlog's worth per wake-up, as asyncio does, so a burst does not starve others.
            for (int i = 0; i < backlog; i++) {
                SocketChannel conn;
                try {
                    conn = channel.accept();
                } catch (ClosedChannelException e) {
                    return;
                } catch (IOException e) {
                    // Out of file descriptors or buffers: say so, stop accepting for a while, keep the server.
                    report("socket.accept() out of system resource", e);
                    serving = false;
                    if (k.isValid()) {
                        k.interestOps(0);
                    }
                    loop.callLater(ACCEPT_RETRY_DELAY, Server.this::startServing);
                    return;
                }
                if (conn == null) {
                    return;
                }
                accepted(conn);
            }
        }
    }

    /** serve_forever: parks on a future that only close() or cancellation ends. */
    private final class ServeForever extends Coroutine<Void> {
        private int label;
        private CancellationException cancelled;

        @Override
        protected Object invokeBody() {
            switch (label) {
                case 0 -> {
                    if (servingForever != null) {
                        throw new IllegalStateException("server " + Server.this + " is already being awaited on serveForever()");
                    }
                    if (listeners == null) {
                        throw new IllegalStateException("server " + Server.this + " is closed");
                    }
                    startServing();
                    servingForever = new Future<>(loop);
                    label = 1;
                    return awaitStart(servingForever, this);
                }
                case 1 -> {
                    try {
                        resumeValue(this);
                        return null;
                    } catch (CancellationException e) {
                        close();
                        cancelled = e;
                        label = 2;
                        Object r = awaitStart(waitClosed(), this);
                        if (r == SUSPENDED) {
                            return r;
                        }
                        throw e;
                    } finally {
                        if (label != 2) {
                            servingForever = null;
                        }
                    }
                }
                default -> {
                    servingForever = null;
                    try {
                        resumeValue(this);
                    } catch (CancellationException ignored) {
                        // the original cancellation is the one to propagate
                    }
                    throw cancelled;
                }
            }
        }
    }
}
