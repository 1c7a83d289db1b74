package io.jasyncio;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * asyncio's {@code selector_events}: the loop's low-level I/O on non-blocking channels. Reader and writer
 * callbacks ({@code addReader}...), the {@code sock*} operations that return futures, and name
 * resolution. {@link EventLoop} delegates here; transports and servers build on it.
 */
final class SelectorEvents {
    private SelectorEvents() {
    }

    /** The size of the loop's shared read buffer: each ready socket is read once into it per iteration. */
    static final int READ_BUFFER_SIZE = 256 * 1024;

    /** The loop's reused read buffer (direct: the socket reads into it without a hidden copy). */
    static ByteBuffer readBuffer(EventLoop loop) {
        ByteBuffer b = loop.readBuffer;
        if (b == null) {
            b = loop.readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
        }
        return b;
    }

    /** A write-queue chunk's size: the coalesced writes of one callback usually fit in one or two. */
    static final int WRITE_CHUNK_SIZE = 8 * 1024;
    /** Spare chunks a loop keeps (2 MiB): enough for a callback that writes to a few hundred connections. */
    private static final int MAX_SPARE_CHUNKS = 256;

    /**
     * An empty write-queue chunk, direct so the socket writes it without a hidden copy, reused so a
     * flush per callback allocates nothing.
     */
    static ByteBuffer writeChunk(EventLoop loop) {
        ByteBuffer b = loop.spareWriteChunks.pollLast();
        return b != null ? b : ByteBuffer.allocateDirect(WRITE_CHUNK_SIZE);
    }

    /** Takes back a chunk whose bytes were all written (other sizes are left to the GC). */
    static void recycleChunk(EventLoop loop, ByteBuffer b) {
        if (b.isDirect() && b.capacity() == WRITE_CHUNK_SIZE && loop.spareWriteChunks.size() < MAX_SPARE_CHUNKS) {
            loop.spareWriteChunks.addLast(b.clear());
        }
    }

    // ---------------------------------------------------------------- reader / writer callbacks

    static void addReader(EventLoop loop, SelectableChannel channel, Runnable callback) {
        ChannelWatcher w = watcher(loop, channel, "addReader");
        w.reader = callback;
        w.updateInterest();
    }

    static void addWriter(EventLoop loop, SelectableChannel channel, Runnable callback) {
        ChannelWatcher w = watcher(loop, channel, "addWriter");
        w.writer = callback;
        w.updateInterest();
    }

    static boolean removeReader(EventLoop loop, SelectableChannel channel) {
        ChannelWatcher w = existingWatcher(loop, channel);
        if (w == null || w.reader == null) {
            return false;
        }
        w.reader = null;
        w.updateInterest();
        return true;
    }

    static boolean removeWriter(EventLoop loop, SelectableChannel channel) {
        ChannelWatcher w = existingWatcher(loop, channel);
        if (w == null || w.writer == null) {
            return false;
        }
        w.writer = null;
        w.updateInterest();
        return true;
    }

    private static ChannelWatcher existingWatcher(EventLoop loop, SelectableChannel channel) {
        SelectionKey key = channel.keyFor(loop.selector());
        return key != null && key.attachment() instanceof ChannelWatcher w ? w : null;
    }

    private static ChannelWatcher watcher(EventLoop loop, SelectableChannel channel, String what) {
        if (channel.isBlocking()) {
            throw new IllegalArgumentException(what + ": the channel must be non-blocking (call configureBlocking(false)): " + channel);
        }
        SelectionKey key = channel.keyFor(loop.selector());
        if (key != null && key.isValid()) {
            if (key.attachment() instanceof ChannelWatcher w) {
                return w;
            }
            throw new IllegalStateException(what + ": " + channel + " is used by transport " + key.attachment());
        }
        ChannelWatcher w = new ChannelWatcher(loop, channel);
        try {
            w.key = channel.register(loop.selector(), 0, w);
        } catch (ClosedChannelException e) {
            throw new IllegalStateException(what + ": the channel is closed: " + channel, e);
        }
        return w;
    }

    /**
     * Takes a channel's selection key over for a transport or server (re-using the key a sock* call may
     * have left behind), or registers the channel.
     */
    static SelectionKey attach(EventLoop loop, SelectableChannel channel, EventLoop.IoHandler handler) throws IOException {
        SelectionKey key = channel.keyFor(loop.selector());
        if (key != null && key.isValid()) {
            if (key.attachment() instanceof ChannelWatcher w && w.isIdle()) {
                key.attach(handler);
                key.interestOps(0);
                return key;
            }
            throw new IllegalStateException(channel + " is already used by " + key.attachment());
        }
        return channel.register(loop.selector(), 0, handler);
    }

    /**
     * Sets a transport's interest ops to {@code ops} and returns them; the transports keep their own copy so
     * that an unchanged set skips the key call (shared by the socket and datagram transports).
     */
    static int updateInterest(SelectionKey key, int current, int ops) {
        if (ops != current && key.isValid()) {
            key.interestOps(ops);
        }
        return ops;
    }

    // ---------------------------------------------------------------- sock_* operations

    /** Python's {@code loop.sock_connect}: connects a non-blocking socket channel. */
    static Future<Void> sockConnect(EventLoop loop, SocketChannel channel, SocketAddress address) {
        Future<Void> f = new Future<>(loop);
        try {
            if (channel.connect(address)) {
                f.setResult(null);
                return f;
            }
        } catch (IOException e) {
            f.setException(connectFailed(address, e));
            return f;
        }
        addWriter(loop, channel, () -> {
            if (f.isDone()) {
                removeWriter(loop, channel);
                return;
            }
            try {
                if (!channel.finishConnect()) {
                    return;
                }
                removeWriter(loop, channel);
                f.setResult(null);
            } catch (IOException e) {
                removeWriter(loop, channel);
                f.setException(connectFailed(address, e));
            }
        });
        removeWriterOnCancel(loop, channel, f);
        return f;
    }

    static IOException connectFailed(SocketAddress address, IOException e) {
        ConnectException ce = new ConnectException("Connect call failed " + address + ": " + e.getMessage());
        ce.initCause(e);
        return ce;
    }

    /** Python's {@code loop.sock_accept}: the next connection, as a non-blocking channel. */
    static Future<SocketChannel> sockAccept(EventLoop loop, ServerSocketChannel channel) {
        Future<SocketChannel> f = new Future<>(loop);
        Runnable attempt = () -> {
            if (f.isDone()) {
                removeReader(loop, channel);
                return;
            }
            try {
                SocketChannel c = channel.accept();
                if (c == null) {
                    return;
                }
                removeReader(loop, channel);
                c.configureBlocking(false);
                f.setResult(c);
            } catch (IOException e) {
                removeReader(loop, channel);
                f.setException(e);
            }
        };
        addReader(loop, channel, attempt);
        removeReaderOnCancel(loop, channel, f);
        return f;
    }

    /** Python's {@code loop.sock_recv_into}: reads once into the buffer; 0 bytes means end of stream. */
    static Future<Integer> sockRecv(EventLoop loop, SocketChannel channel, ByteBuffer buffer) {
        Future<Integer> f = new Future<>(loop);
        try {
            int n = channel.read(buffer);
            if (n != 0 || !buffer.hasRemaining()) {
                f.setResult(Math.max(n, 0));
                return f;
            }
        } catch (IOException e) {
            f.setException(e);
            return f;
        }
        addReader(loop, channel, () -> {
            if (f.isDone()) {
                removeReader(loop, channel);
                return;
            }
            try {
                int n = channel.read(buffer);
                if (n == 0) {
                    return;
                }
                removeReader(loop, channel);
                f.setResult(Math.max(n, 0));
            } catch (IOException e) {
                removeReader(loop, channel);
                f.setException(e);
            }
        });
        removeReaderOnCancel(loop, channel, f);
        return f;
    }

    /** Python's {@code loop.sock_sendall}: sends every remaining byte of the buffer. */
    static Future<Void> sockSendAll(EventLoop loop, SocketChannel channel, ByteBuffer data) {
        Future<Void> f = new Future<>(loop);
        try {
            channel.write(data);
            if (!data.hasRemaining()) {
                f.setResult(null);
                return f;
            }
        } catch (IOException e) {
            f.setException(e);
            return f;
        }
        addWriter(loop, channel, () -> {
            if (f.isDone()) {
                removeWriter(loop, channel);
                return;
            }
            try {
                channel.write(data);
                if (!data.hasRemaining()) {
                    removeWriter(loop, channel);
                    f.setResult(null);
                }
            } catch (IOException e) {
                removeWriter(loop, channel);
                f.setException(e);
            }
        });
        removeWriterOnCancel(loop, channel, f);
        return f;
    }

    // ---------------------------------------------------------------- name resolution

    /**
     * Python's {@code loop.getaddrinfo}: resolves the host in the default executor, since the JDK's
     * resolver blocks; numeric addresses and null (the wildcard) are answered at once.
     */
    static Future<InetAddress[]> getAddrInfo(EventLoop loop, String host) {
        if (host == null || isNumeric(host)) {
            Future<InetAddress[]> f = new Future<>(loop);
            try {
                f.setResult(host == null ? new InetAddress[] {null} : InetAddress.getAllByName(host));
            } catch (IOException e) {
                f.setException(e);
            }
            return f;
        }
        return loop.runInExecutor(null, () -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (java.net.UnknownHostException e) {
                java.net.UnknownHostException u = new java.net.UnknownHostException("cannot resolve host '" + host + "': " + e.getMessage());
                u.initCause(e);
                throw u;
            }
        });
    }

    /** An IPv4 or IPv6 literal: the JDK parses it without a lookup. */
    static boolean isNumeric(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        if (host.isEmpty()) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- connecting

    /**
     * Connects to the first address of {@code host} that accepts, trying them in order, and completes
     * with the connected non-blocking channel. Cancelling the future closes the attempt in progress.
     */
    static Future<SocketChannel> connectTcp(EventLoop loop, String host, int port) {
        checkPort(port, "openConnection");
        Future<SocketChannel> result = new Future<>(loop);
        Future<InetAddress[]> resolved = getAddrInfo(loop, host);
        Runnable onResolved = () -> {
            if (result.isDone()) {
                return;
            }
            if (resolved.isCancelled() || failure(resolved) != null) {
                result.setException(resolved.isCancelled() ? new ConnectException("name resolution cancelled") : failure(resolved));
                return;
            }
            new TcpConnector(loop, result, (InetAddress[]) resolved.value, port).next();
        };
        whenDone(resolved, onResolved, result);
        return result;
    }

    static void checkPort(int port, String what) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + ": port out of range 0-65535: " + port);
        }
    }

    /** Tries each resolved address in turn (asyncio's create_connection loop over getaddrinfo results). */
    private static final class TcpConnector {
        private final EventLoop loop;
        private final Future<SocketChannel> result;
        private final InetAddress[] addresses;
        private final int port;
        private final List<IOException> errors = new ArrayList<>();
        private int index;
        private SocketChannel current;

        TcpConnector(EventLoop loop, Future<SocketChannel> result, InetAddress[] addresses, int port) {
            this.loop = loop;
            this.result = result;
            this.addresses = addresses;
            this.port = port;
            result.addCallback(() -> {
                if (result.isCancelled() && current != null) {
                    closeQuietly(current);
                }
            });
        }

        void next() {
            while (!result.isDone()) {
                if (index == addresses.length) {
                    result.setException(combined());
                    return;
                }
                InetSocketAddress address = new InetSocketAddress(addresses[index++], port);
                SocketChannel ch;
                try {
                    ch = SocketChannel.open(address.getAddress() instanceof java.net.Inet6Address
                            ? java.net.StandardProtocolFamily.INET6 : java.net.StandardProtocolFamily.INET);
                    ch.configureBlocking(false);
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                } catch (IOException e) {
                    errors.add(e);
                    continue;
                }
                current = ch;
                Future<Void> connected = sockConnect(loop, ch, address);
                if (connected.isDone()) {
                    if (failure(connected) == null) {
                        current = null;
                        result.setResult(ch);
                        return;
                    }
                    errors.add((IOException) failure(connected));
                    closeQuietly(ch);
                    current = null;
                    continue;
                }
                cancelWith(result, connected);
                connected.addCallback(() -> {
                    if (result.isDone()) {
                        closeQuietly(ch);
                        return;
                    }
                    current = null;
                    if (failure(connected) == null && !connected.isCancelled()) {
                        result.setResult(ch);
                    } else {
                        closeQuietly(ch);
                        if (failure(connected) instanceof IOException e) {
                            errors.add(e);
                        }
                        next();
                    }
                });
                return;
            }
        }

        private IOException combined() {
            if (errors.isEmpty()) {
                return new ConnectException("getaddrinfo returned an empty list");
            }
            if (errors.size() == 1) {
                return errors.get(0);
            }
            StringBuilder sb = new StringBuilder("Multiple exceptions: ");
            for (int i = 0; i < errors.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(errors.get(i).getMessage());
            }
            ConnectException e = new ConnectException(sb.toString());
            errors.forEach(e::addSuppressed);
            return e;
        }
    }

    /**
     * asyncio's create_connection once the socket is connected: makes the protocol and the transport and
     * completes when the protocol has heard connectionMade (for TLS: when the handshake is done).
     */
    static Future<Transport> createTransport(EventLoop loop, Future<SocketChannel> connecting,
                                             java.util.function.Supplier<? extends Protocol> factory,
                                             java.util.function.UnaryOperator<Protocol> wrapper) {
        Future<Transport> result = new Future<>(loop);
        Runnable onConnected = () -> {
            if (connecting.isCancelled()) {
                result.cancel();
                return;
            }
            if (failure(connecting) != null) {
                if (!result.isDone()) {
                    result.setException(failure(connecting));
                }
                return;
            }
            SocketChannel ch = (SocketChannel) connecting.value;
            if (result.isDone()) {
                closeQuietly(ch);
                return;
            }
            Transport[] made = new Transport[1];
            try {
                Protocol p = factory.get();
                if (p == null) {
                    throw new IllegalStateException("the protocol factory returned null");
                }
                Protocol outer = wrapper != null ? wrapper.apply(p) : p;
                Future<Void> waiter = new Future<>(loop);
                SocketTransport raw;
                if (outer instanceof SslProtocol ssl) {
                    ssl.setWaiter(waiter);
                    raw = new SocketTransport(loop, ch, outer, null, null);
                    made[0] = ssl.appTransport();
                } else {
                    raw = new SocketTransport(loop, ch, outer, waiter, null);
                    made[0] = raw;
                }
                waiter.addCallback(() -> {
                    if (result.isDone()) {
                        if (result.isCancelled()) {
                            raw.abort();
                        }
                        return;
                    }
                    if (failure(waiter) != null) {
                        raw.abort();
                        result.setException(failure(waiter));
                    } else {
                        result.setResult(made[0]);
                    }
                });
                result.addCallback(() -> {
                    if (result.isCancelled()) {
                        raw.abort();
                    }
                });
            } catch (Throwable t) {
                closeQuietly(ch);
                result.setException(t);
            }
        };
        whenDone(connecting, onConnected, result);
        return result;
    }

    /** Connects a Unix-domain stream socket to {@code path}. */
    static Future<SocketChannel> connectUnix(EventLoop loop, java.nio.file.Path path) {
        Future<SocketChannel> result = new Future<>(loop);
        SocketChannel ch;
        try {
            ch = SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
            ch.configureBlocking(false);
        } catch (IOException e) {
            result.setException(e);
            return result;
        }
        Future<Void> connected = sockConnect(loop, ch, java.net.UnixDomainSocketAddress.of(path));
        Runnable done = () -> {
            if (result.isDone() || connected.isCancelled()) {
                closeQuietly(ch);
                return;
            }
            if (failure(connected) != null) {
                closeQuietly(ch);
                result.setException(failure(connected));
            } else {
                result.setResult(ch);
            }
        };
        if (connected.isDone()) {
            done.run();
        } else {
            connected.addCallback(done);
            result.addCallback(() -> {
                if (result.isCancelled()) {
                    connected.cancel();
                    closeQuietly(ch);
                }
            });
        }
        return result;
    }

    /** The sock* operations leave a reader callback behind until it fires; a cancelled future must drop it too. */
    private static void removeReaderOnCancel(EventLoop loop, SelectableChannel channel, Future<?> f) {
        f.addCallback(() -> {
            if (f.isCancelled()) {
                removeReader(loop, channel);
            }
        });
    }

    /** As {@link #removeReaderOnCancel}, for the writer callback of sockConnect and sockSendAll. */
    private static void removeWriterOnCancel(EventLoop loop, SelectableChannel channel, Future<?> f) {
        f.addCallback(() -> {
            if (f.isCancelled()) {
                removeWriter(loop, channel);
            }
        });
    }

    /** Cancelling {@code outer} cancels the step it waits on ({@code inner}), as asyncio chains its futures. */
    private static void cancelWith(Future<?> outer, Future<?> inner) {
        outer.addCallback(() -> {
            if (outer.isCancelled()) {
                inner.cancel();
            }
        });
    }

    /** Runs {@code then} now if {@code inner} is done, else once it is, cancelling {@code inner} with {@code outer} meanwhile. */
    private static void whenDone(Future<?> inner, Runnable then, Future<?> outer) {
        if (inner.isDone()) {
            then.run();
        } else {
            inner.addCallback(then);
            cancelWith(outer, inner);
        }
    }

    /** A done future's failure (or null), marked as retrieved: whoever asks passes it on. */
    static Throwable failure(Future<?> f) {
        Throwable t = f.failure;
        if (t != null) {
            f.markRetrieved();
        }
        return t;
    }

    static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a socket that already failed: nothing left to report
        }
    }
}
