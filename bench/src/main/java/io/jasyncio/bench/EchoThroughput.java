package io.jasyncio.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Workload 7: echo throughput of 1 KiB messages over N loopback connections, against these servers
 * (see {@link EchoServers}): jasyncio at the protocol level, jasyncio streams, a bare java.nio
 * selector loop (the baseline), Netty NIO and Netty epoll with one event loop, and CPython's asyncio and
 * uvloop, each at the protocol level and with streams.
 *
 * <p>A JVM server runs in this JVM on a thread of its own, a CPython one as a child process (its CPU time
 * from /proc). The client is the same for every server:
 * one NIO selector thread that keeps {@link #IN_FLIGHT} messages in flight per connection (each
 * completed echo sends the next message at once), warms up, then counts echoed bytes over
 * {@code rounds} windows of {@code seconds} each and prints the median (JSON Lines, one per server ×
 * connection count), with the client thread's CPU use over the windows (near 1.0 would mean the
 * client, not the server, is the limit).
 *
 * <p>Usage: {@code EchoThroughput [seconds] [warmupSeconds] [rounds] [connections,...] [servers,...]}
 * (defaults 3, 2, 3, "10,100", every server of {@link #SERVERS}). The CPython servers take
 * {@code -Decho.python} and {@code -Decho.script} (see {@link EchoServers.PythonEcho}).
 */
public final class EchoThroughput {
    static final int IN_FLIGHT = Integer.getInteger("echo.inFlight", 4);
    static final int MESSAGE = EchoServers.MESSAGE;

    static final String[][] SERVERS = {
        {"nio", "java.nio selector loop (baseline)"},
        {"protocol", "jasyncio protocol"},
        {"streams", "jasyncio streams (readExactly + write + drain)"},
        {"netty", "Netty " + nettyVersion() + " NIO, 1 event loop"},
        {"netty-epoll", "Netty " + nettyVersion() + " epoll" + epollNative() + ", 1 event loop"},
        // labels of the CPython servers come from the server itself (Python and uvloop versions)
        {"asyncio-protocol", "CPython asyncio, Protocol"},
        {"asyncio-streams", "CPython asyncio, streams"},
        {"uvloop-protocol", "CPython uvloop, Protocol"},
        {"uvloop-streams", "CPython uvloop, streams"},
    };

    private EchoThroughput() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int[] conns = Arrays.stream((args.length > 3 ? args[3] : "10,100").split(",")).mapToInt(Integer::parseInt).toArray();
        List<String> servers = args.length > 4 ? Arrays.asList(args[4].split(","))
                : Arrays.stream(SERVERS).map(s -> s[0]).toList();
        for (int n : conns) {
            for (String[] s : SERVERS) {
                if (!servers.contains(s[0])) {
                    continue;
                }
                if (s[0].equals("netty-epoll") && !io.netty.channel.epoll.Epoll.isAvailable()) {
                    System.err.println("netty-epoll skipped: " + io.netty.channel.epoll.Epoll.unavailabilityCause());
                    continue;
                }
                try (BenchServer server = EchoServers.start(s[0])) {
                    double[] r = measure(server, n, seconds, warmup, rounds);
                    double msgs = r[0];
                    new ResultLine("echo_" + n, server.label() != null ? server.label() : s[1]).put("server", s[0]).put("connections", n)
                            .put("in_flight", IN_FLIGHT).put("message_bytes", MESSAGE)
                            .put("msgs_per_s", msgs).put("msgs_per_s_min", r[1]).put("msgs_per_s_max", r[2])
                            .put("mb_per_s", msgs * MESSAGE / 1e6).put("client_cpu", r[3])
                            .put("server_cpu", r[4]).put("server_cpu_ns_per_msg", r[5])
                            .put("seconds", seconds).put("rounds", rounds).print();
                }
            }
        }
    }

    private static String nettyVersion() {
        Package p = io.netty.channel.Channel.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v != null ? v : "4.1";
    }

    /** The native library's version when it is not Netty's own (see netty.epoll.native.version in bench/pom.xml). */
    private static String epollNative() {
        io.netty.util.Version v = io.netty.util.Version.identify().get("netty-transport-native-epoll");
        return v == null || v.artifactVersion().equals(nettyVersion()) ? "" : " (native " + v.artifactVersion() + ")";
    }

    /**
     * Returns {median msgs/s, min, max, client thread's CPU share and the server's CPU share over
     * the measured windows, server CPU ns per echoed message}.
     */
    static double[] measure(BenchServer server, int connections, double seconds, double warmup, int rounds)
            throws Exception {
        Client client = new Client(server.port(), connections);
        Thread t = new Thread(client, "echo-client");
        t.start();
        try {
            Thread.sleep((long) (warmup * 1000));
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            double[] rates = new double[rounds];
            long cpu0 = mx.getThreadCpuTime(t.getId());
            long scpu0 = server.cpuNanos();
            long all0 = client.received;
            long wall0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                long b0 = client.received;
                long t0 = System.nanoTime();
                Thread.sleep((long) (seconds * 1000));
                long b1 = client.received;
                long t1 = System.nanoTime();
                rates[i] = (b1 - b0) / (double) MESSAGE / ((t1 - t0) / 1e9);
            }
            long wall = System.nanoTime() - wall0;
            double cpu = (mx.getThreadCpuTime(t.getId()) - cpu0) / (double) wall;
            long scpu = server.cpuNanos() - scpu0;
            double echoed = (client.received - all0) / (double) MESSAGE;
            if (client.failure != null) {
                throw new IllegalStateException("echo client failed", client.failure);
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            if (sorted[0] <= 0) {
                throw new IllegalStateException("no echoes received");
            }
            return new double[] {sorted[rounds / 2], sorted[0], sorted[rounds - 1], cpu, scpu / (double) wall, scpu / echoed};
        } finally {
            client.running = false;
            client.selector.wakeup();
            t.join();
        }
    }

    /** One selector thread, {@code connections} sockets, {@link #IN_FLIGHT} messages outstanding on each. */
    static final class Client implements Runnable {
        final Selector selector = Selector.open();
        final List<SocketChannel> channels = new ArrayList<>();
        volatile boolean running = true;
        volatile long received;
        volatile Throwable failure;

        /** Per connection: bytes owed to the server (to send), bytes of the current echo received. */
        static final class Conn {
            long owed;
            int partial;
        }

        Client(int port, int connections) throws IOException {
            for (int i = 0; i < connections; i++) {
                SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.configureBlocking(false);
                Conn c = new Conn();
                c.owed = (long) IN_FLIGHT * MESSAGE;
                ch.register(selector, SelectionKey.OP_READ | SelectionKey.OP_WRITE, c);
                channels.add(ch);
            }
        }

        @Override
        public void run() {
            ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
            ByteBuffer out = ByteBuffer.allocateDirect(IN_FLIGHT * MESSAGE * 4);
            long total = 0;
            try {
                while (running) {
                    selector.select();
                    for (SelectionKey key : selector.selectedKeys()) {
                        SocketChannel ch = (SocketChannel) key.channel();
                        Conn c = (Conn) key.attachment();
                        if (key.isReadable()) {
                            in.clear();
                            int n = ch.read(in);
                            if (n < 0) {
                                throw new IOException("server closed a connection");
                            }
                            total += n;
                            int got = c.partial + n;
                            c.owed += (long) (got / MESSAGE) * MESSAGE;   // each full echo: send the next
                            c.partial = got % MESSAGE;
                        }
                        if (c.owed > 0) {
                            out.clear().limit((int) Math.min(c.owed, out.capacity()));
                            c.owed -= ch.write(out);
                            int ops = c.owed > 0 ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
                            if (key.interestOps() != ops) {
                                key.interestOps(ops);
                            }
                        }
                    }
                    selector.selectedKeys().clear();
                    received = total;
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                for (SocketChannel ch : channels) {
                    try {
                        ch.close();
                    } catch (IOException ignored) {
                        // closing
                    }
                }
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
    }
}
