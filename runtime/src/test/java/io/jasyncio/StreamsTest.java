package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static io.jasyncio.IoTesting.pattern;
import static io.jasyncio.IoTesting.ascii;
import static io.jasyncio.IoTesting.run;
import static io.jasyncio.IoTesting.str;
import static io.jasyncio.IoTesting.sha256;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streams (open_connection / start_server) against real python3 asyncio peers on loopback. */
class StreamsTest {
    private final EventLoop loop = new EventLoop();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    // ---------------------------------------------------------------- client side

    @Test
    void clientReadsLinesExactAndUntilFromPythonEchoServer() throws IOException {
        try (Peer peer = Peer.python("echo")) {
            run(loop, echoConversation(peer.port()));
        }
    }

    @Async
    static Coroutine<Void> echoConversation(int port) {
        StreamPair conn = await(openConnection("127.0.0.1", port));
        StreamReader reader = conn.reader();
        StreamWriter writer = conn.writer();
        assertEquals(new InetSocketAddress("127.0.0.1", port), writer.peerAddress());
        writer.write(ascii("hello\nworld;12345rest"));
        await(writer.drain());
        assertEquals("hello\n", str(await(reader.readLine())));
        assertEquals("world;", str(await(reader.readUntil(ascii(";")))));
        assertEquals("123", str(await(reader.readExactly(3))));
        assertEquals("45", str(await(reader.readExactly(2))));
        assertEquals("rest", str(await(reader.read(100))));
        writer.write(ascii("tail"));
        writer.writeEof();
        assertEquals("tail", str(await(reader.read(-1))));
        assertTrue(reader.atEof());
        assertEquals(0, await(reader.read(10)).length);
        assertEquals(0, await(reader.readLine()).length);
        writer.close();
        await(writer.waitClosed());
        return completed();
    }

    @Test
    void oversizedLinesAndIncompleteReadsBehaveAsPython() throws IOException {
        try (Peer peer = Peer.python("lines")) {
            run(loop, oversized(peer.port()));
        }
    }

    @Async
    static Coroutine<Void> oversized(int port) {
        StreamPair conn = await(openConnection("127.0.0.1", port));
        StreamReader reader = conn.reader();
        assertEquals("first\n", str(await(reader.readLine())));
        assertEquals("second\n", str(await(reader.readLine())));
        try {
            await(reader.readLine());
            fail("a 70000-byte line is over the 64 KiB limit");
        } catch (LimitOverrunException e) {
            // Which of Python's two messages depends on whether the newline had arrived yet.
            assertTrue(e.getMessage().equals("Separator is not found, and chunk exceed the limit")
                    || e.getMessage().equals("Separator is found, but chunk is longer than limit"), e.getMessage());
            assertTrue(e.consumed() > StreamReader.DEFAULT_LIMIT, "consumed " + e.consumed());
        }
        // Python drops what it had buffered of the long line; the rest of it arrives as (possibly) more lines.
        List<String> rest = new ArrayList<>();
        for (byte[] line; (line = await(reader.readLine())).length > 0; ) {
            rest.add(str(line));
        }
        assertEquals(List.of("after\n", "tail"), rest.subList(rest.size() - 2, rest.size()));
        for (String s : rest.subList(0, rest.size() - 2)) {
            assertTrue(s.matches("x*\n?"), "only the overrun line's remainder may precede: " + s.length());
        }
        assertTrue(reader.atEof());
        try {
            await(reader.readExactly(1));
            fail("nothing left");
        } catch (IncompleteReadException e) {
            assertEquals(0, e.partial().length);
            assertEquals(1, e.expected());
            assertEquals("0 bytes read on a total of 1 expected bytes", e.getMessage());
        }
        conn.writer().close();
        return completed();
    }

    @Test
    void peerResetMidReadFailsTheReadAndWaitClosed() throws IOException {
        try (Peer peer = Peer.python("reset")) {
            run(loop, resetMidRead(peer.port()));
        }
    }

    @Async
    static Coroutine<Void> resetMidRead(int port) {
        StreamPair conn = await(openConnection("127.0.0.1", port));
        assertEquals("partial line", str(await(conn.reader().readExactly(12))));
        conn.writer().write(ascii("!"));   // the peer resets once it reads this
        try {
            await(conn.reader().readLine());
            fail("the connection was reset");
        } catch (Exception e) {   // checked exceptions arrive unwrapped through await: catch broadly, check the type
            assertInstanceOf(SocketException.class, e);
            assertTrue(e.getMessage().contains("reset"), e.getMessage());
        }
        try {
            await(conn.writer().waitClosed());
            fail("waitClosed reports the reset");
        } catch (Exception e) {   // checked exceptions arrive unwrapped through await: catch broadly, check the type
            assertInstanceOf(SocketException.class, e);
            assertTrue(e.getMessage().contains("reset"), e.getMessage());
        }
        try {
            await(conn.writer().drain());
            fail("drain reports the reset");
        } catch (Exception e) {   // checked exceptions arrive unwrapped through await: catch broadly, check the type
            assertInstanceOf(SocketException.class, e);
            assertTrue(e.getMessage().contains("reset"), e.getMessage());
        }
        return completed();
    }

    @Test
    void drainingWriterStaysUnderTheHighWaterMarkAndEveryByteArrives() throws IOException {
        try (Peer peer = Peer.python("slow")) {
            run(loop, slowReader(peer.port()));
        }
    }

    @Async
    static Coroutine<Void> slowReader(int port) throws IOException {
        StreamPair conn = await(openConnection("127.0.0.1", port));
        StreamWriter writer = conn.writer();
        ((SocketChannel) writer.getExtraInfo("socket")).setOption(StandardSocketOptions.SO_SNDBUF, 16384);
        byte[] data = pattern(1024 * 1024);
        int chunk = 32 * 1024;
        int maxBuffered = 0;
        int waits = 0;
        for (int i = 0; i < data.length; i += chunk) {
            writer.write(java.util.Arrays.copyOfRange(data, i, i + chunk));
            boolean paused = writer.transport().getWriteBufferSize() > Transport.DEFAULT_HIGH_WATER;
            await(writer.drain());
            if (paused) {
                waits++;
            }
            maxBuffered = Math.max(maxBuffered, writer.transport().getWriteBufferSize());
        }
        assertTrue(waits > 0, "a slow reader must make drain() wait");
        assertTrue(maxBuffered <= Transport.DEFAULT_HIGH_WATER, "after drain() the buffer is at most the high-water mark: " + maxBuffered);
        writer.writeEof();
        assertEquals(data.length + " " + sha256(data) + "\n", str(await(conn.reader().readLine())));
        writer.close();
        await(writer.waitClosed());
        return completed();
    }

    @Test
    void closeWithWritesPendingDeliversThemAll() throws IOException {
        try (Peer peer = Peer.python("count")) {
            byte[] data = pattern(8 * 1024 * 1024);
            run(loop, writeAndClose(peer.port(), data));
            assertEquals("GOT " + data.length + " " + sha256(data), peer.readLine());
        }
    }

    @Async
    static Coroutine<Void> writeAndClose(int port, byte[] data) {
        StreamPair conn = await(openConnection("127.0.0.1", port));
        conn.writer().write(data);
        conn.writer().close();
        assertTrue(conn.writer().isClosing());
        await(conn.writer().waitClosed());
        return completed();
    }

    @Test
    void refusedConnectionFailsTheAwait() throws IOException {
        int port;
        try (var s = java.nio.channels.ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            port = ((InetSocketAddress) s.getLocalAddress()).getPort();
        }
        java.net.ConnectException e = assertThrows(java.net.ConnectException.class, () -> run(loop, openConnection("127.0.0.1", port)));
        assertTrue(e.getMessage().startsWith("Connect call failed /127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void connectTimeoutCancelsTheAttemptAndClosesItsSocket() throws IOException {
        // A listener that never accepts, with its backlog full: Linux drops further SYNs, so connects hang.
        try (var listener = java.nio.channels.ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0), 1)) {
            List<SocketChannel> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    SocketChannel f = SocketChannel.open();
                    f.configureBlocking(false);
                    f.connect(listener.getLocalAddress());
                    fillers.add(f);
                }
                int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
                Object outcome;
                try {
                    outcome = run(loop, waitFor(openConnection("127.0.0.1", port), 0.5));
                } catch (AsyncTimeoutException e) {
                    outcome = e;
                }
                org.junit.jupiter.api.Assumptions.assumeTrue(outcome instanceof AsyncTimeoutException,
                        "this kernel completed a connect to a full backlog; cannot provoke a connect timeout");
                run(loop, sleep(0));
                run(loop, sleep(0));
                for (var key : loop.selector().keys()) {
                    assertFalse(key.isValid() && key.channel().isOpen(), "the timed-out attempt left " + key.channel() + " open");
                }
            } finally {
                for (SocketChannel f : fillers) {
                    f.close();
                }
            }
        }
    }

    @Test
    void unknownHostIsResolvedOffTheLoopAndNamed() {
        Exception e = assertThrows(java.net.UnknownHostException.class, () -> run(loop, openConnection("no-such-host.invalid", 80)));
        assertTrue(e.getMessage().contains("no-such-host.invalid"), e.getMessage());
    }

    @Test
    void localhostResolvesThroughTheExecutor() throws IOException {
        try (Peer peer = Peer.python("echo")) {
            run(loop, echoOnce("localhost", peer.port()));
        }
    }

    @Async
    static Coroutine<Void> echoOnce(String host, int port) {
        StreamPair conn = await(openConnection(host, port));
        conn.writer().write(ascii("ping\n"));
        assertEquals("ping\n", str(await(conn.reader().readLine())));
        conn.writer().close();
        await(conn.writer().waitClosed());
        return completed();
    }

    // ---------------------------------------------------------------- server side

    @Async
    static Coroutine<Void> upperCaser(StreamReader reader, StreamWriter writer) {
        for (byte[] line; (line = await(reader.readLine())).length > 0; ) {
            writer.write(str(line).toUpperCase().getBytes(StandardCharsets.US_ASCII));
            await(writer.drain());
        }
        writer.close();
        await(writer.waitClosed());
        return completed();
    }

    @Test
    void serverAnswersPythonClientAndHalfCloseWorks() throws IOException {
        Server server = run(loop, startServer(StreamsTest::upperCaser, "127.0.0.1", 0));
        try (Peer client = Peer.python("client-lines", "127.0.0.1", server.localAddress().getPort())) {
            assertEquals("ALPHA|BETA|GAMMA", client.finish(loop).trim());
        }
        server.close();
        run(loop, server.waitClosed());
        assertFalse(server.isServing());
        assertEquals(List.of(), server.sockets());
    }

    @Test
    void serverHandlesAThousandConcurrentPythonClients() throws IOException {
        Server server = run(loop, startServer(StreamsTest::upperCaser, "127.0.0.1", 0));
        try (Peer client = Peer.python("client-many", "127.0.0.1", server.localAddress().getPort(), 1000)) {
            assertEquals("OK 1000", client.finish(loop).trim());
        }
        server.close();
        run(loop, server.waitClosed());
    }

    @Test
    void twoThousandConnectionsOpenAtOnceOnOneLoop() {
        run(loop, manyConnections(2000));
    }

    @Async
    static Coroutine<Void> manyConnections(int n) {
        Server server = await(startServer(StreamsTest::upperCaser, "127.0.0.1", 0));
        int port = server.localAddress().getPort();
        List<StreamPair> conns = new ArrayList<>();
        // Open in waves of the listen backlog (100, as asyncio): all stay open together at the end.
        while (conns.size() < n) {
            List<Task<StreamPair>> wave = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                wave.add(createTask(openConnection("127.0.0.1", port)));
            }
            conns.addAll(await(gather(wave)));
        }
        for (int i = 0; i < n; i++) {
            conns.get(i).writer().write(ascii("c" + i + "\n"));
        }
        for (int i = 0; i < n; i++) {
            assertEquals("C" + i + "\n", str(await(conns.get(i).reader().readLine())));
        }
        for (StreamPair c : conns) {
            c.writer().close();
        }
        for (StreamPair c : conns) {
            await(c.writer().waitClosed());
        }
        server.close();
        await(server.waitClosed());
        return completed();
    }

    @Test
    void peerSendingAnEndlessLineIsDisconnectedAndOthersAreServed() {
        List<Map<String, Object>> reported = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> reported.add(ctx));
        run(loop, endlessLine(reported));
    }

    @Async
    static Coroutine<Void> endlessLine(List<Map<String, Object>> reported) {
        Server server = await(startServer(StreamsTest::upperCaser, null, 0));   // all interfaces
        int port = server.localAddress().getPort();
        StreamPair bad = await(openConnection("127.0.0.1", port));
        byte[] noNewline = new byte[300_000];
        java.util.Arrays.fill(noNewline, (byte) 'z');
        bad.writer().write(noNewline);
        try {
            assertEquals(0, await(bad.reader().read(-1)).length, "disconnected without an answer");
        } catch (Exception reset) {
            assertInstanceOf(SocketException.class, reset, "closing with unread input may reset instead");
        }
        assertEquals(1, reported.size());
        assertInstanceOf(LimitOverrunException.class, reported.get(0).get("exception"));
        bad.writer().close();
        StreamPair good = await(openConnection("127.0.0.1", port));
        good.writer().write(ascii("fine\n"));
        assertEquals("FINE\n", str(await(good.reader().readLine())));
        good.writer().close();
        server.close();
        await(server.waitClosed());
        return completed();
    }

    @Test
    void failingHandlerIsReportedAndTheServerKeepsServing() {
        List<Map<String, Object>> reported = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> reported.add(ctx));
        run(loop, failingHandlerScenario(reported));
    }

    static int handled;

    @Async
    static Coroutine<Void> failOnFirst(StreamReader reader, StreamWriter writer) {
        if (handled++ == 0) {
            throw new IllegalStateException("handler bug");
        }
        return upperCaser(reader, writer);
    }

    @Async
    static Coroutine<Void> failingHandlerScenario(List<Map<String, Object>> reported) {
        handled = 0;
        Server server = await(startServer(StreamsTest::failOnFirst, "127.0.0.1", 0));
        int port = server.localAddress().getPort();
        StreamPair first = await(openConnection("127.0.0.1", port));
        assertEquals(0, await(first.reader().read(10)).length, "the failed handler's connection is closed");
        assertEquals(1, reported.size());
        assertEquals("Unhandled exception in client_connected_cb", reported.get(0).get("message"));
        StreamPair second = await(openConnection("127.0.0.1", port));
        second.writer().write(ascii("still here\n"));
        assertEquals("STILL HERE\n", str(await(second.reader().readLine())));
        second.writer().close();
        server.close();
        await(server.waitClosed());
        return completed();
    }

    @Test
    void waitClosedWaitsForOpenConnectionsAndServeForeverEndsOnCancel() {
        run(loop, serverLifecycle());
    }

    @Async
    static Coroutine<Void> serverLifecycle() {
        Server server = await(startServer(StreamsTest::upperCaser, "127.0.0.1", 0));
        Task<Void> forever = createTask(server.serveForever());
        StreamPair client = await(openConnection("127.0.0.1", server.localAddress().getPort()));
        client.writer().write(ascii("x\n"));
        assertEquals("X\n", str(await(client.reader().readLine())));
        forever.cancel();
        Task<Void> closed = createTask(server.waitClosed());
        await(sleep(0));
        await(sleep(0));
        assertTrue(forever.isDone() || !closed.isDone());
        assertFalse(closed.isDone(), "a connection is still open");
        client.writer().close();   // the handler sees EOF and closes its side
        await(closed);
        try {
            await(forever);
            fail("serveForever ends with the cancellation");
        } catch (java.util.concurrent.CancellationException expected) {
            assertTrue(forever.isCancelled());
        }
        assertFalse(server.isServing());
        return completed();
    }

    @Test
    void aTimedOutWaitClosedLeavesTheCloseObservableAndCloseClientsEndsConnections() {
        run(loop, timedOutWaitClosed());
    }

    @Async
    static Coroutine<Void> timedOutWaitClosed() {
        Server server = await(startServer(StreamsTest::upperCaser, "127.0.0.1", 0));
        StreamPair c = await(openConnection("127.0.0.1", server.localAddress().getPort()));
        try {
            await(waitFor(c.writer().waitClosed(), 0.05));
            fail("nobody closed the connection yet");
        } catch (AsyncTimeoutException expected) {
            assertFalse(c.writer().isClosing());
        }
        server.closeClients();
        assertEquals(0, await(c.reader().read(-1)).length, "the server closed its side");
        c.writer().close();
        await(c.writer().waitClosed());   // the earlier, cancelled wait did not cancel the close itself
        server.close();
        await(server.waitClosed());
        return completed();
    }

    @Test
    void onlyOneReaderMayWaitAtATime() {
        run(loop, twoReaders());
    }

    @Async
    static Coroutine<Void> twoReaders() {
        Server server = await(startServer(StreamsTest::upperCaser, "127.0.0.1", 0));
        StreamPair client = await(openConnection("127.0.0.1", server.localAddress().getPort()));
        Task<byte[]> first = createTask(client.reader().readLine());
        await(sleep(0));
        try {
            await(client.reader().readLine());
            fail("second reader");
        } catch (IllegalStateException e) {
            assertEquals("readline() called while another coroutine is already waiting for incoming data", e.getMessage());
        }
        first.cancel();
        await(sleep(0));
        client.writer().write(ascii("after cancel\n"));
        assertEquals("AFTER CANCEL\n", str(await(client.reader().readLine())), "a cancelled read leaves the reader usable");
        client.writer().close();
        server.close();
        await(server.waitClosed());
        return completed();
    }
}
