package io.jasyncio;

import static io.jasyncio.IoTesting.run;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** UDP endpoints (create_datagram_endpoint) against python3 asyncio peers. */
class DatagramTest {
    private final EventLoop loop = new EventLoop();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** Collects datagrams and errors; completes {@link #got} once {@code expected} datagrams arrived. */
    static final class Collector implements DatagramProtocol {
        final List<String> datagrams = new ArrayList<>();
        final List<SocketAddress> senders = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();
        final Future<Void> got;
        final Future<Throwable> error;
        final Future<Throwable> lost;
        final int expected;
        DatagramTransport transport;
        boolean echo;

        Collector(EventLoop loop, int expected) {
            this.expected = expected;
            got = loop.createFuture();
            error = loop.createFuture();
            lost = loop.createFuture();
        }

        @Override
        public void connectionMade(DatagramTransport t) {
            transport = t;
        }

        @Override
        public void datagramReceived(ByteBuffer data, SocketAddress addr) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            datagrams.add(new String(b, StandardCharsets.US_ASCII));
            senders.add(addr);
            if (echo) {
                transport.sendTo(new String(b, StandardCharsets.US_ASCII).toUpperCase().getBytes(StandardCharsets.US_ASCII), addr);
            }
            if (datagrams.size() == expected && !got.isDone()) {
                got.setResult(null);
            }
        }

        @Override
        public void errorReceived(Throwable exc) {
            errors.add(exc);
            if (!error.isDone()) {
                error.setResult(exc);
            }
        }

        @Override
        public void connectionLost(Throwable exc) {
            lost.setResult(exc);
        }
    }

    @Test
    void connectedEndpointTalksToPythonUdpServer() throws IOException {
        try (Peer peer = Peer.python("udp-echo")) {
            InetSocketAddress remote = new InetSocketAddress("127.0.0.1", peer.port());
            Collector c = new Collector(loop, 3);
            DatagramTransport t = run(loop, loop.createDatagramEndpoint(() -> c, null, remote));
            assertEquals(remote, t.getExtraInfo("peername"));
            for (String s : List.of("one", "two", "three")) {
                t.send(s.getBytes(StandardCharsets.US_ASCII));
            }
            run(loop, c.got);
            // UDP on loopback keeps order in practice, but a test must not rely on it
            assertEquals(List.of("ONE", "THREE", "TWO"), c.datagrams.stream().sorted().toList());
            assertEquals(List.of(remote, remote, remote), c.senders);
            t.close();
            assertNull(run(loop, c.lost));
        }
    }

    @Test
    void unconnectedEndpointAnswersPythonClient() throws IOException {
        Collector c = new Collector(loop, 2);
        c.echo = true;
        DatagramTransport t = run(loop, loop.createDatagramEndpoint(() -> c, new InetSocketAddress("127.0.0.1", 0), null));
        int port = ((InetSocketAddress) t.getExtraInfo("sockname")).getPort();
        try (Peer client = Peer.python("udp-client", "127.0.0.1", port)) {
            assertEquals("PING|PONG", client.finish(loop).trim());
        }
        assertEquals(List.of("ping", "pong"), c.datagrams);
        t.abort();
        run(loop, c.lost);
    }

    @Test
    void icmpPortUnreachableIsReportedAndTheEndpointStaysOpen() throws IOException {
        InetSocketAddress closed;
        try (DatagramChannel probe = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            closed = (InetSocketAddress) probe.getLocalAddress();
        }
        Collector c = new Collector(loop, 1);
        DatagramTransport t = run(loop, loop.createDatagramEndpoint(() -> c, null, closed));
        t.send(new byte[] {1});
        assertInstanceOf(PortUnreachableException.class, run(loop, c.error));
        assertFalse(t.isClosing());
        t.close();
        run(loop, c.lost);
    }

    @Test
    void unresolvedAndMismatchedAddressesAreClearErrors() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> run(loop,
                loop.createDatagramEndpoint(() -> new Collector(loop, 1), null, InetSocketAddress.createUnresolved("example.org", 53))));
        assertTrue(e.getMessage().contains("unresolved address"), e.getMessage());
        DatagramTransport t = run(loop, loop.createDatagramEndpoint(() -> new Collector(loop, 1), null, new InetSocketAddress("127.0.0.1", 9)));
        Exception m = assertThrows(IllegalArgumentException.class, () -> t.sendTo(new byte[1], new InetSocketAddress("127.0.0.1", 10)));
        assertTrue(m.getMessage().startsWith("Invalid address"), m.getMessage());
        t.abort();
    }
}
