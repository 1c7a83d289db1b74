package io.jasyncio;

import static io.jasyncio.IoTesting.pattern;
import static io.jasyncio.IoTesting.run;
import static io.jasyncio.IoTesting.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transports and protocols (create_connection / create_server) against real peers on loopback. */
class TransportTest {
    private final EventLoop loop = new EventLoop();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** Echoes whatever arrives; closes (after flushing) when the peer half-closes. */
    static final class EchoProtocol implements Protocol {
        Transport transport;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }
    }

    @Test
    void protocolServerEchoesMegabytesToPythonClient() throws IOException {
        Server server = run(loop, loop.createServer(EchoProtocol::new, "127.0.0.1", 0));
        int port = server.localAddress().getPort();
        assertTrue(port > 0);
        try (Peer client = Peer.python("client-echo", "127.0.0.1", port, 3_000_000)) {
            assertEquals("OK 3000000", client.finish(loop).trim());
        }
        server.close();
        run(loop, server.waitClosed());
    }

    @Test
    void clientTransportHalfClosesAndReadsTheAnswerFromPythonServer() throws IOException {
        try (Peer peer = Peer.python("count")) {
            int port = peer.port();
            RecordingProtocol p = new RecordingProtocol(loop);
            Transport t = run(loop, loop.createConnection(() -> p, "127.0.0.1", port));
            assertEquals(List.of("made"), p.events);
            assertEquals(new InetSocketAddress("127.0.0.1", port), t.getExtraInfo("peername"));
            byte[] data = pattern(16 * 1024 * 1024);
            t.write(data);   // far more than the socket takes at once: the rest is queued
            assertTrue(t.getWriteBufferSize() > Transport.DEFAULT_HIGH_WATER, "buffered " + t.getWriteBufferSize());
            assertEquals("pause", p.events.get(p.events.size() - 1), "over the high-water mark: " + p.events);
            t.writeEof();
            assertNull(run(loop, p.lost), "clean close");
            assertEquals(0, t.getWriteBufferSize());
            String answer = p.received.toString(StandardCharsets.US_ASCII);
            assertEquals(data.length + " " + sha256(data) + "\n", answer);
            assertEquals(List.of("made", "pause", "resume", "data", "eof", "lost"), p.events);
        }
    }

    @Test
    void closeFlushesPendingWritesBeforeClosing() throws IOException {
        try (Peer peer = Peer.python("count")) {
            int port = peer.port();
            RecordingProtocol p = new RecordingProtocol(loop);
            Transport t = run(loop, loop.createConnection(() -> p, "127.0.0.1", port));
            byte[] data = pattern(8 * 1024 * 1024);
            t.write(data);
            t.close();
            assertTrue(t.isClosing());
            assertTrue(t.getWriteBufferSize() > 0, "the close must wait for the queue");
            assertNull(run(loop, p.lost));
            assertEquals("GOT " + data.length + " " + sha256(data), peer.readLine());
        }
    }

    @Test
    void abortDropsTheQueueAndReportsTheLossOnce() throws IOException {
        try (Peer peer = Peer.python("count")) {
            int port = peer.port();
            RecordingProtocol p = new RecordingProtocol(loop);
            Transport t = run(loop, loop.createConnection(() -> p, "127.0.0.1", port));
            t.write(pattern(8 * 1024 * 1024));
            t.abort();
            assertEquals(0, t.getWriteBufferSize());
            t.abort();
            t.close();
            assertNull(run(loop, p.lost));
            assertEquals(1, p.events.stream().filter("lost"::equals).count());
            t.write(new byte[] {1});   // dropped: the connection is gone
        }
    }

    @Test
    void pausedReadingDeliversNothingUntilResumed() throws Exception {
        RecordingProtocol serverSide = new RecordingProtocol(loop);
        Server server = run(loop, loop.createServer(() -> serverSide, "127.0.0.1", 0));
        try (SocketChannel peer = SocketChannel.open(server.localAddress())) {
            Transport t = run(loop, serverSide.made);
            t.pauseReading();
            assertFalse(t.isReading());
            peer.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)));   // in our receive buffer now
            for (int i = 0; i < 5; i++) {
                run(loop, Asyncio.sleep(0));   // each iteration polls the selector
            }
            assertEquals(0, serverSide.received.size(), "no dataReceived while paused");
            t.resumeReading();
            run(loop, serverSide.whenReceived(5));
            assertEquals("hello", serverSide.received.toString(StandardCharsets.US_ASCII));
        } finally {
            server.close();
        }
    }

    @Test
    void halfCloseKeepsTheConnectionWritableWhenTheProtocolAsks() throws Exception {
        RecordingProtocol serverSide = new RecordingProtocol(loop);
        serverSide.keepOpenOnEof = true;
        Server server = run(loop, loop.createServer(() -> serverSide, "127.0.0.1", 0));
        try (SocketChannel peer = SocketChannel.open(server.localAddress())) {
            peer.write(ByteBuffer.wrap(new byte[] {'q'}));
            peer.shutdownOutput();
            run(loop, serverSide.eof);
            serverSide.transport.write("answer".getBytes(StandardCharsets.US_ASCII));
            serverSide.transport.close();
            ByteBuffer in = ByteBuffer.allocate(64);
            run(loop, serverSide.lost);
            while (peer.read(in) >= 0) {
                // blocking peer: reads to the end
            }
            assertEquals("answer", new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII));
            assertEquals(List.of("made", "data", "eof", "lost"), serverSide.events);
        } finally {
            server.close();
        }
    }

    @Test
    void refusedConnectionNamesTheAddress() throws IOException {
        int port;
        try (ServerSocketChannel s = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            port = ((InetSocketAddress) s.getLocalAddress()).getPort();
        }
        ConnectException e = assertThrows(ConnectException.class,
                () -> run(loop, loop.createConnection(() -> new RecordingProtocol(loop), "127.0.0.1", port)));
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void failingProtocolFactoryIsReportedAndTheServerKeepsServing() throws Exception {
        List<Map<String, Object>> reported = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> reported.add(ctx));
        int[] calls = {0};
        RecordingProtocol good = new RecordingProtocol(loop);
        Server server = run(loop, loop.createServer(() -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("no protocol for you");
            }
            return good;
        }, "127.0.0.1", 0));
        try (SocketChannel first = SocketChannel.open(server.localAddress())) {
            ByteBuffer b = ByteBuffer.allocate(1);
            Future<Integer> n = loop.runInExecutor(null, () -> first.read(b));
            assertEquals(-1, run(loop, n), "the failed connection is closed");
        }
        assertEquals(1, reported.size());
        assertEquals("Error on transport creation for incoming connection", reported.get(0).get("message"));
        assertInstanceOf(IllegalStateException.class, reported.get(0).get("exception"));
        try (SocketChannel second = SocketChannel.open(server.localAddress())) {
            second.write(ByteBuffer.wrap(new byte[] {42}));
            run(loop, good.whenReceived(1));
            assertArrayEquals(new byte[] {42}, good.received.toByteArray());
        } finally {
            server.close();
        }
    }

    @Test
    void protocolErrorsAreFatalToTheConnectionOnly() throws Exception {
        List<Map<String, Object>> reported = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> reported.add(ctx));
        RecordingProtocol p = new RecordingProtocol(loop) {
            @Override
            public void dataReceived(ByteBuffer data) {
                throw new IllegalArgumentException("bad frame");
            }
        };
        Server server = run(loop, loop.createServer(() -> p, "127.0.0.1", 0));
        try (SocketChannel peer = SocketChannel.open(server.localAddress())) {
            peer.write(ByteBuffer.wrap(new byte[] {1}));
            Throwable exc = run(loop, p.lost);
            assertInstanceOf(IllegalArgumentException.class, exc);
            assertEquals("Fatal error: protocol.dataReceived() call failed.", reported.get(0).get("message"));
            assertTrue(server.isServing());
        } finally {
            server.close();
        }
    }
}
