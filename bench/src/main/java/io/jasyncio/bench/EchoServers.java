package io.jasyncio.bench;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import io.jasyncio.Transport;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.ArrayDeque;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

/**
 * Workload 7's echo servers. The JVM ones run their whole event loop on one thread of their own, in the
 * benchmark's JVM; the CPython ones (asyncio and uvloop, bench/python/echo_server.py) are a child process.
 * {@link #start} returns once the server listens, {@link BenchServer#close} stops it.
 */
final class EchoServers {
    static final int MESSAGE = 1024;

    private EchoServers() {
    }

    static BenchServer start(String kind) throws Exception {
        return switch (kind) {
            case "protocol" -> jasyncio(false);
            case "streams" -> jasyncio(true);
            case "nio" -> new NioEcho();
            case "netty" -> netty(false);
            case "netty-epoll" -> netty(true);
            case "asyncio-protocol", "asyncio-streams", "uvloop-protocol", "uvloop-streams" -> new PythonEcho(kind);
            default -> throw new IllegalArgumentException("unknown server " + kind);
        };
    }

    // ------------------------------------------------------------ (a) and (b): jasyncio

    /** (a): writes back whatever arrives, as it arrives. */
    static final class EchoProtocol implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }
    }

    /** (b): one 1 KiB message at a time, written back and drained. */
    @Async
    static Coroutine<Void> echoStream(StreamReader reader, StreamWriter writer) {
        try {
            while (true) {
                byte[] message = await(reader.readExactly(MESSAGE));
                writer.write(message);
                await(writer.drain());
            }
        } catch (Exception eofOrLost) {   // IncompleteReadException at EOF, SocketException if reset
            writer.close();
        }
        return completed();
    }

    private static BenchServer jasyncio(boolean streams) throws Exception {
        return LoopThread.start(streams ? "jasyncio-streams-echo" : "jasyncio-protocol-echo", loop -> {
            Server s = loop.runUntilComplete(streams
                    ? io.jasyncio.Asyncio.startServer(EchoServers::echoStream, "127.0.0.1", 0)
                    : loop.createServer(EchoProtocol::new, "127.0.0.1", 0));
            return new LoopThread.Listening(s.localAddress().getPort(), l -> {
                s.close();
                s.abortClients();
                l.runUntilComplete(io.jasyncio.Asyncio.sleep(0.05));   // let the handlers see the loss
            });
        });
    }

    // ------------------------------------------------------------ (c): bare java.nio

    /**
     * The baseline: one selector thread, non-blocking channels, one reused direct buffer; what is read
     * is written back at once, and only what the socket refuses is queued (OP_WRITE until it drains).
     */
    static final class NioEcho implements BenchServer {
        private final Selector selector = Selector.open();
        private final ServerSocketChannel listener = ServerSocketChannel.open();
        private final Thread thread;
        private volatile boolean running = true;

        NioEcho() throws IOException {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            thread = new Thread(this::run, "nio-echo");
            thread.start();
        }

        @Override
        public int port() {
            return ((InetSocketAddress) listener.socket().getLocalSocketAddress()).getPort();
        }

        @Override
        public Thread thread() {
            return thread;
        }

        private void run() {
            ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
            try {
                while (running) {
                    selector.select();
                    for (SelectionKey key : selector.selectedKeys()) {
                        try {
                            if (!key.isValid()) {
                                continue;
                            }
                            if (key.isAcceptable()) {
                                java.nio.channels.SocketChannel ch;
                                while ((ch = listener.accept()) != null) {
                                    ch.configureBlocking(false);
                                    ch.socket().setTcpNoDelay(true);
                                    ch.register(selector, SelectionKey.OP_READ);
                                }
                                continue;
                            }
                            java.nio.channels.SocketChannel ch = (java.nio.channels.SocketChannel) key.channel();
                            @SuppressWarnings("unchecked")
                            ArrayDeque<ByteBuffer> pending = (ArrayDeque<ByteBuffer>) key.attachment();
                            if (key.isWritable() && pending != null) {
                                while (!pending.isEmpty()) {
                                    ByteBuffer b = pending.peekFirst();
                                    ch.write(b);
                                    if (b.hasRemaining()) {
                                        break;
                                    }
                                    pending.pollFirst();
                                }
                                if (pending.isEmpty()) {
                                    key.attach(null);
                                    key.interestOps(SelectionKey.OP_READ);
                                }
                            }
                            if (key.isReadable()) {
                                buf.clear();
                                int n = ch.read(buf);
                                if (n < 0) {
                                    key.cancel();
                                    ch.close();
                                    continue;
                                }
                                buf.flip();
                                if (pending == null) {
                                    ch.write(buf);
                                }
                                if (buf.hasRemaining()) {   // refused: queue a copy, wait for OP_WRITE
                                    ByteBuffer copy = ByteBuffer.allocate(buf.remaining());
                                    copy.put(buf).flip();
                                    if (pending == null) {
                                        pending = new ArrayDeque<>();
                                        key.attach(pending);
                                        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                                    }
                                    pending.addLast(copy);
                                }
                            }
                        } catch (IOException e) {
                            key.cancel();
                            key.channel().close();
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                try {
                    for (SelectionKey k : selector.keys()) {
                        k.channel().close();
                    }
                    selector.close();
                } catch (IOException ignored) {
                    // shutting down
                }
            }
        }

        @Override
        public void close() throws Exception {
            running = false;
            selector.wakeup();
            thread.join();
        }
    }

    // ------------------------------------------------------------ (d), (e): Netty NIO and epoll, one event loop

    @ChannelHandler.Sharable
    static final class NettyEcho extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
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
        NettyEcho handler = new NettyEcho();   // sharable: one for every connection
        return new NettyServer(epoll, pipeline -> pipeline.addLast(handler));
    }

    // ------------------------------------------------------------ (f): CPython asyncio and uvloop, a child process

    /**
     * bench/python/echo_server.py in a child process: {@code kind} is loop-mode, e.g. uvloop-streams. The
     * interpreter is {@code -Decho.python} (default /usr/bin/python3, which has uvloop from python3-uvloop), the
     * script {@code -Decho.script} (default bench/python/echo_server.py from the working directory). The server
     * prints its port on stdout once it listens. Its CPU time is the whole process's (utime + stime of
     * /proc/PID/stat, clock ticks of 10 ms), where a JVM server's is its loop thread's alone.
     */
    static final class PythonEcho implements BenchServer {
        private static final long NANOS_PER_TICK = 10_000_000L;   // USER_HZ is 100 on Linux x86-64

        private final Process process;
        private final int port;
        private final String label;

        PythonEcho(String kind) throws IOException {
            String[] loopMode = kind.split("-");
            String python = System.getProperty("echo.python", "/usr/bin/python3");
            String script = System.getProperty("echo.script", "bench/python/echo_server.py");
            process = new ProcessBuilder(List.of(python, script, "--loop", loopMode[0], "--mode", loopMode[1]))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
            String line = out.readLine();
            if (line == null) {
                process.destroyForcibly();
                throw new IOException(python + " " + script + " exited before listening (see stderr)");
            }
            String[] portLabel = line.trim().split(" ", 2);
            port = Integer.parseInt(portLabel[0]);
            label = portLabel.length > 1 ? portLabel[1] : kind;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public Thread thread() {
            throw new UnsupportedOperationException("a child process");
        }

        @Override
        public long cpuNanos() {
            try {
                String stat = Files.readString(Paths.get("/proc", Long.toString(process.pid()), "stat"));
                // fields after the parenthesized command name: state is field 3, utime 14, stime 15
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
