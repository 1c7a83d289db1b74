package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Network faults against the jasyncio stream server on loopback: peers that reset (SO_LINGER 0), half-close,
 * never read, flood, storm the listener or send garbage. Peers are real sockets: JDK blocking sockets on
 * their own threads (so the loop thread stays free) and python3 asyncio clients. After each fault the
 * server still serves, every byte of every healthy connection arrives once (SHA-256 on both sides) and
 * no socket descriptor is left open.
 */
class NetworkFaultTest {
    static final boolean LONG = Boolean.getBoolean("jasyncio.stress.long");
    static final long BOUND_SECONDS = LONG ? 900 : 60;
    static final byte FLOOD = 'F';
    static final int CHUNK = 32 * 1024;

    /**
     * Client-side threads: blocking sockets, never on the loop thread. Clients run at most 32 at a time
     * (thousands of simultaneous connects overflow the listen backlog, and SYN retries then outlast any
     * sane connect timeout); the sending halves of clients get threads of their own, so a client never
     * waits for a thread its own sender needs.
     */
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(32, daemon("fault-client"));
    private static final ExecutorService SENDERS = Executors.newCachedThreadPool(daemon("fault-sender"));

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private EventLoop loop;
    private final List<Map<String, Object>> reports = Collections.synchronizedList(new ArrayList<>());
    private long socketsBefore;

    /**
     * The JDK keeps one socket of its own open for the JVM's life once java.net sockets are first used
     * (seen on JDK 17: the first ServerSocket shows as two descriptors); create it before counting.
     */
    @BeforeAll
    static void warmUpJdkSockets() throws IOException {
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             Socket s = new Socket()) {
            s.connect(ss.getLocalSocketAddress(), 30_000);
        }
    }

    @BeforeEach
    void open() throws IOException {
        socketsBefore = socketFds();
        loop = new EventLoop();
        loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
    }

    @AfterEach
    void closeLoop() throws IOException {
        loop.close();
        assertEquals(socketsBefore, socketFds(), "socket descriptors open before the test vs after the loop closed");
    }

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
        SENDERS.shutdownNow();
    }

    // ---------------------------------------------------------------- the server under test

    /** What the server saw: one "bytes sha256" entry per connection that reached EOF, and each failure. */
    static final class Seen {
        final List<String> received = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();
        int handlersDone;
        /** The flood handler: set when its drain() has to wait (the peer stopped reading). */
        final Event floodBlocked = new Event();
        int floodMaxBuffered;
        long floodWritten;
        StreamWriter floodWriter;
    }

    /**
     * Echoes every byte back (draining after each chunk) until EOF, then closes; a connection whose first
     * byte is 'F' is instead sent data without end (the flood: for a peer that never reads).
     */
    @Async
    static Coroutine<Void> serve(Seen seen, StreamReader reader, StreamWriter writer) {
        MessageDigest md = sha256();
        long n = 0;
        try {
            byte[] first = await(reader.read(1));
            if (first.length == 1 && first[0] == FLOOD) {
                await(flood(seen, writer));   // ends only by failing; not "return flood(...)", which would run after this finally
            }
            for (byte[] chunk = first; chunk.length > 0; chunk = await(reader.read(65536))) {
                md.update(chunk);
                n += chunk.length;
                writer.write(chunk);
                await(writer.drain());
            }
            seen.received.add(n + " " + HexFormat.of().formatHex(md.digest()));
            writer.close();
            await(writer.waitClosed());
        } catch (Exception e) {   // a reset peer: checked exceptions arrive unwrapped, so catch broadly
            seen.failures.add(e);
            writer.close();
        } finally {
            seen.handlersDone++;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> flood(Seen seen, StreamWriter writer) {
        seen.floodWriter = writer;
        byte[] chunk = IoTesting.pattern(CHUNK);
        Transport t = writer.transport();
        while (true) {
            writer.write(chunk);
            seen.floodWritten += CHUNK;
            seen.floodMaxBuffered = Math.max(seen.floodMaxBuffered, t.getWriteBufferSize());
            if (t.getWriteBufferSize() > Transport.DEFAULT_HIGH_WATER) {
                seen.floodBlocked.set();
            }
            await(writer.drain());
            assertTrue(t.getWriteBufferSize() <= Transport.DEFAULT_HIGH_WATER, "drain returned over the high-water mark");
        }
    }

    @Async
    static Coroutine<Boolean> waitSet(Event e) {
        return completed(await(e.waitUntilSet()));
    }

    Server startEchoServer(Seen seen) {
        return IoTesting.run(loop, startServer((r, w) -> serve(seen, r, w), "127.0.0.1", 0));
    }

    @Async
    static Coroutine<Void> closeServer(Server server) {
        server.close();
        await(server.waitClosed());   // every accepted connection closed too
        return completed();
    }

    // ---------------------------------------------------------------- clients (blocking, off the loop)

    /** Sends {@code data}, half-closes, reads the echo to EOF; returns the echo. */
    static byte[] echoClient(int port, byte[] data) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
            s.setSoTimeout(30_000);
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    for (int i = 0; i < data.length; i += 8192) {
                        out.write(data, i, Math.min(8192, data.length - i));
                    }
                    s.shutdownOutput();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, SENDERS);
            byte[] echo = s.getInputStream().readAllBytes();
            sent.get(30, java.util.concurrent.TimeUnit.SECONDS);
            return echo;
        }
    }

    static byte[] randomData(Random rnd, int max) {
        byte[] data = new byte[1 + rnd.nextInt(max)];
        rnd.nextBytes(data);
        if (data[0] == FLOOD) {
            data[0] = 0;
        }
        return data;
    }

    /** n echo clients with random payloads, run concurrently; each checks its echo; returns the "bytes sha" of each. */
    static CompletableFuture<List<String>> echoClients(int port, int n, int maxBytes, long seed) {
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] data = randomData(new Random(seed + i), maxBytes);
            all.add(CompletableFuture.supplyAsync(() -> {
                try {
                    byte[] echo = echoClient(port, data);
                    String sent = data.length + " " + IoTesting.sha256(data);
                    String back = echo.length + " " + IoTesting.sha256(echo);
                    if (!sent.equals(back)) {
                        throw new AssertionError("echo differs: sent " + sent + ", got back " + back);
                    }
                    return sent;
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, CLIENTS));
        }
        return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> all.stream().map(CompletableFuture::join).sorted().toList());
    }

    /** Connects, optionally sends and reads a little, then resets the connection (SO_LINGER 0 + close). */
    static void resetClient(int port, Random rnd) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
            s.setSoTimeout(30_000);
            int stage = rnd.nextInt(4);
            if (stage >= 1) {
                byte[] data = randomData(rnd, 200_000);
                s.getOutputStream().write(data);
                if (stage >= 2) {
                    s.getInputStream().readNBytes(1 + rnd.nextInt(data.length));   // part of the echo
                }
                if (stage == 3) {
                    s.shutdownOutput();   // half-closed, then reset before reading the rest
                }
            }
            s.setSoLinger(true, 0);
        }
    }

    static <T> T runBounded(EventLoop loop, CompletableFuture<T> cf) {
        Future<T> f = loop.wrapStage(cf);
        return CancellationStressTest.runBounded(loop, f, BOUND_SECONDS);
    }

    // ---------------------------------------------------------------- the faults

    @Test
    void concurrentHalfClosingClientsGetEveryByteBackOnce() {
        Seen seen = new Seen();
        Server server = startEchoServer(seen);
        int port = server.localAddress().getPort();
        int n = LONG ? 2000 : 64;
        List<String> clientSide = runBounded(loop, echoClients(port, n, 1 << 20, 1));
        CancellationStressTest.runBounded(loop, loop.createTask(closeServer(server)), BOUND_SECONDS);
        assertEquals(List.of(), seen.failures);
        assertEquals(clientSide, seen.received.stream().sorted().toList(), "what the server received, per connection");
        assertEquals(n, seen.handlersDone);
        assertEquals(List.of(), reports);
    }

    @Test
    void peersResettingAtEveryStageLeaveTheServerServing() throws Exception {
        Seen seen = new Seen();
        Server server = startEchoServer(seen);
        int port = server.localAddress().getPort();
        int resets = LONG ? 5000 : 300;
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < resets; i++) {
            Random rnd = new Random(1000 + i);
            all.add(CompletableFuture.runAsync(() -> {
                try {
                    resetClient(port, rnd);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, CLIENTS));
        }
        runBounded(loop, CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])));
        // Healthy clients after the resets, the python3 asyncio one included.
        List<String> healthy = runBounded(loop, echoClients(port, 16, 300_000, 77));
        try (Peer py = Peer.python("client-echo", "127.0.0.1", port, 1_000_000)) {
            assertEquals("OK 1000000", py.finish(loop).trim());
        }
        CancellationStressTest.runBounded(loop, loop.createTask(closeServer(server)), BOUND_SECONDS);
        assertEquals(resets + 17, seen.handlersDone, "one handler per connection, each ended");
        for (Throwable t : seen.failures) {
            assertInstanceOf(IOException.class, t, "a reset shows as an I/O error: " + t);
        }
        for (String h : healthy) {
            assertTrue(seen.received.contains(h), "the server received " + h);
        }
        assertEquals(List.of(), reports, "resets are not the loop's errors");
        System.out.printf("NetworkFaultTest: %d resets, %d seen by handlers as errors, %d reached EOF first%n",
                resets, seen.failures.size(), seen.received.size() - 17);
    }

    @Test
    void aPeerThatNeverReadsIsHeldAtTheHighWaterMarkWhileOthersAreServed() throws Exception {
        Seen seen = new Seen();
        Server server = startEchoServer(seen);
        int port = server.localAddress().getPort();
        Socket stalled = new Socket();
        try {
            stalled.setReceiveBufferSize(16 * 1024);
            stalled.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
            stalled.getOutputStream().write(FLOOD);   // and never reads
            CancellationStressTest.runBounded(loop, loop.createTask(waitSet(seen.floodBlocked)), BOUND_SECONDS);
            long writtenWhenBlocked = seen.floodWritten;

            List<String> served = runBounded(loop, echoClients(port, 32, 500_000, 5));
            assertEquals(32, served.size());
            assertEquals(writtenWhenBlocked, seen.floodWritten, "the flood handler stayed blocked in drain()");
            assertTrue(seen.floodMaxBuffered <= Transport.DEFAULT_HIGH_WATER + CHUNK,
                    "write buffer at most high-water mark + one write: " + seen.floodMaxBuffered);
            assertTrue(seen.floodWriter.transport().getWriteBufferSize() <= Transport.DEFAULT_HIGH_WATER + CHUNK);
            System.out.printf("NetworkFaultTest: stalled reader: %d bytes written before blocking, max buffered %d%n",
                    writtenWhenBlocked, seen.floodMaxBuffered);
        } finally {
            stalled.setSoLinger(true, 0);
            stalled.close();
        }
        CancellationStressTest.runBounded(loop, loop.createTask(closeServer(server)), BOUND_SECONDS);
        assertEquals(33, seen.handlersDone);
        assertEquals(1, seen.failures.size(), "the flood's drain() fails with the reset");
        assertInstanceOf(IOException.class, seen.failures.get(0));
    }

    @Test
    void slowReadersWithTinyWindowsGetEveryByte() {
        Seen seen = new Seen();
        Server server = startEchoServer(seen);
        int port = server.localAddress().getPort();
        int n = 8;
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] data = randomData(new Random(300 + i), 2 << 20);
            all.add(CompletableFuture.supplyAsync(() -> {
                try (Socket s = new Socket()) {
                    s.setReceiveBufferSize(4096);
                    s.setSendBufferSize(4096);
                    s.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
                    s.setSoTimeout(30_000);
                    CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                        try {
                            s.getOutputStream().write(data);
                            s.shutdownOutput();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, SENDERS);
                    MessageDigest md = sha256();
                    InputStream in = s.getInputStream();
                    byte[] small = new byte[97];   // read in small, odd pieces
                    long got = 0;
                    for (int k; (k = in.read(small)) >= 0; ) {
                        md.update(small, 0, k);
                        got += k;
                    }
                    sent.join();
                    String back = got + " " + HexFormat.of().formatHex(md.digest());
                    assertEquals(data.length + " " + IoTesting.sha256(data), back);
                    return back;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, CLIENTS));
        }
        List<String> clientSide = runBounded(loop, CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> all.stream().map(CompletableFuture::join).sorted().toList()));
        CancellationStressTest.runBounded(loop, loop.createTask(closeServer(server)), BOUND_SECONDS);
        assertEquals(clientSide, seen.received.stream().sorted().toList());
        assertEquals(List.of(), seen.failures);
    }

    @Test
    void aConnectionStormLeavesNoDescriptorBehind() throws Exception {
        Seen seen = new Seen();
        Server server = startEchoServer(seen);
        int port = server.localAddress().getPort();
        long socketsWithServer = socketFds();
        int storms = LONG ? 50_000 : 3_000;
        int threads = 4;
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int th = 0; th < threads; th++) {
            int id = th;
            all.add(CompletableFuture.runAsync(() -> {
                Random rnd = new Random(9000 + id);
                for (int i = id; i < storms; i += threads) {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
                        switch (rnd.nextInt(3)) {
                            case 0 -> { }   // connect and close at once
                            case 1 -> s.setSoLinger(true, 0);   // connect and reset
                            default -> {
                                s.setSoTimeout(30_000);
                                s.getOutputStream().write(new byte[] {'x', 'y'});
                                s.shutdownOutput();
                                if (s.getInputStream().readAllBytes().length != 2) {
                                    throw new AssertionError("short echo");
                                }
                            }
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }, CLIENTS));
        }
        runBounded(loop, CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])));
        List<String> after = runBounded(loop, echoClients(port, 8, 100_000, 11));
        assertEquals(8, after.size(), "still serving after the storm");
        CancellationStressTest.runBounded(loop, loop.createTask(closeServer(server)), BOUND_SECONDS);
        assertEquals(storms + 8, seen.handlersDone);
        assertEquals(socketsWithServer - 1, socketFds(), "only the listening socket went away");
        assertEquals(List.of(), reports);
        System.out.printf("NetworkFaultTest: storm of %d connections; socket fds before %d, with server %d, after %d%n",
                storms, socketsBefore, socketsWithServer, socketFds());
    }

    // ---------------------------------------------------------------- hostile input: sizes the peer controls

    static final int SMALL_LIMIT = 1024;

    /** Answers each line with "LEN n crc32"; a line over the limit with "ERR" (and reading goes on). */
    @Async
    static Coroutine<Void> lineServer(List<Integer> maxBuffered, StreamReader reader, StreamWriter writer) {
        while (true) {
            byte[] line;
            try {
                line = await(reader.readLine());
            } catch (LimitOverrunException e) {
                writer.write("ERR\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                await(writer.drain());
                continue;
            } finally {
                maxBuffered.set(0, Math.max(maxBuffered.get(0), reader.buffered()));
            }
            if (line.length == 0) {
                break;
            }
            writer.write(("LEN " + line.length + " " + crc(line) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            await(writer.drain());
        }
        writer.close();
        await(writer.waitClosed());
        return completed();
    }

    static long crc(byte[] b) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(b);
        return c.getValue();
    }

    @Test
    void garbageAndOversizedLinesAreRejectedAtTheLimitAndTheConnectionGoesOn() throws Exception {
        List<Integer> maxBuffered = new ArrayList<>(List.of(0));
        Server server = IoTesting.run(loop, startServer((r, w) -> lineServer(maxBuffered, r, w), "127.0.0.1", 0, SMALL_LIMIT));
        int port = server.localAddress().getPort();
        Random rnd = new Random(42);
        java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
        List<String> expectedFirst = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] line = new byte[rnd.nextInt(SMALL_LIMIT - 1) + 1];
            rnd.nextBytes(line);
            for (int k = 0; k < line.length - 1; k++) {
                if (line[k] == '\n') {
                    line[k] = 0;
                }
            }
            line[line.length - 1] = '\n';
            sent.writeBytes(line);
            expectedFirst.add("LEN " + line.length + " " + crc(line));
        }
        byte[] huge = new byte[4 << 20];
        java.util.Arrays.fill(huge, (byte) 'z');
        huge[huge.length - 1] = '\n';
        sent.writeBytes(huge);
        byte[] ping = "ping\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        sent.writeBytes(ping);
        byte[] request = sent.toByteArray();
        CompletableFuture<List<String>> client = CompletableFuture.supplyAsync(() -> {
            try {
                byte[] answer = echoClient(port, request);   // sends, half-closes, reads to EOF
                return List.of(new String(answer, java.nio.charset.StandardCharsets.US_ASCII).split("\n"));
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, CLIENTS);
        List<String> answers = runBounded(loop, client);
        CancellationStressTest.runBounded(loop, loop.createTask(closeServer(server)), BOUND_SECONDS);

        assertEquals(expectedFirst, answers.subList(0, 300), "every line within the limit answered, in order, intact");
        assertEquals("LEN 5 " + crc(ping), answers.get(answers.size() - 1), "the line after the oversized one is intact");
        List<String> middle = answers.subList(300, answers.size() - 1);
        assertTrue(middle.contains("ERR"), "the 4 MiB line was rejected");
        for (String m : middle) {
            assertTrue(m.equals("ERR") || m.matches("LEN \\d+ \\d+") && Integer.parseInt(m.split(" ")[1]) <= SMALL_LIMIT + 1,
                    "only rejections and the overrun line's short remainder: " + m);
        }
        // The reader never held more than the pause threshold (2 x limit) plus one socket read.
        assertTrue(maxBuffered.get(0) <= 2 * SMALL_LIMIT + SelectorEvents.READ_BUFFER_SIZE, "buffered " + maxBuffered.get(0));
        assertEquals(List.of(), reports);
        System.out.printf("NetworkFaultTest: %d lines + a 4 MiB line at limit %d: %d rejections, max buffered after a read %d%n",
                300, SMALL_LIMIT, middle.stream().filter("ERR"::equals).count(), maxBuffered.get(0));
    }

    /** The connection a paused server holds: filled in by {@link #holdThenCount}. */
    static final class Held {
        StreamReader reader;
        StreamWriter writer;
        final Event go = new Event();
    }

    /** Reads nothing until told to, then reads to EOF and answers "bytes sha256". */
    @Async
    static Coroutine<Void> holdThenCount(Held held, StreamReader reader, StreamWriter writer) {
        held.reader = reader;
        held.writer = writer;
        await(held.go.waitUntilSet());
        MessageDigest md = sha256();
        long n = 0;
        for (byte[] chunk; (chunk = await(reader.read(65536))).length > 0; ) {
            md.update(chunk);
            n += chunk.length;
        }
        writer.write((n + " " + HexFormat.of().formatHex(md.digest()) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        writer.close();
        await(writer.waitClosed());
        return completed();
    }

    /** Waits (bounded) until the held connection's transport has paused reading; returns the reader's buffer size then. */
    @Async
    static Coroutine<Integer> untilReadingPaused(Held held) {
        int polls = 0;
        while (held.writer == null || held.writer.transport().isReading()) {
            await(sleep(0.001));   // a bounded wait for a condition, not a guess at how long it takes
            assertTrue(++polls < 30_000, "reading never paused");
        }
        int buffered = held.reader.buffered();
        for (int i = 0; i < 50; i++) {
            await(sleep(0.001));
            assertEquals(buffered, held.reader.buffered(), "paused: nothing more is read");
        }
        return completed(buffered);
    }

    @Test
    void aPeerFloodingAServerThatDoesNotReadIsHeldAtTwiceTheLimit() throws Exception {
        Held held = new Held();
        int limit = 4096;
        Server server = IoTesting.run(loop, startServer((r, w) -> holdThenCount(held, r, w), "127.0.0.1", 0, limit));
        int port = server.localAddress().getPort();
        byte[] data = randomData(new Random(8), 16 << 20);
        CompletableFuture<String> client = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(echoClient(port, data), java.nio.charset.StandardCharsets.US_ASCII).trim();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, CLIENTS);
        int buffered = CancellationStressTest.runBounded(loop, loop.createTask(untilReadingPaused(held)), BOUND_SECONDS);
        assertTrue(buffered > 2 * limit && buffered <= 2 * limit + SelectorEvents.READ_BUFFER_SIZE,
                "paused past 2 x limit, within one socket read of it: " + buffered);
        assertFalse(client.isDone(), "the peer is held back by TCP flow control");
        held.go.set();
        assertEquals(data.length + " " + IoTesting.sha256(data), runBounded(loop, client), "every byte arrived once, in order");
        CancellationStressTest.runBounded(loop, loop.createTask(closeServer(server)), BOUND_SECONDS);
        assertEquals(List.of(), reports);
        System.out.printf("NetworkFaultTest: flooding peer held with %d bytes buffered at limit %d%n", buffered, limit);
    }

    // ---------------------------------------------------------------- jasyncio as the client that fails

    /**
     * A jasyncio client that sends a random payload, reads part of the echo and then ends the connection
     * one of four ways: abort(), abort() after SO_LINGER 0 (an RST), close() with the echo unread, or a
     * clean half-close reading the echo to EOF (checked byte for byte). Returns how it ended.
     */
    @Async
    static Coroutine<String> abruptClient(int port, long seed) {
        Random rnd = new Random(seed);
        byte[] data = randomData(rnd, 200_000);
        StreamPair conn = await(openConnection("127.0.0.1", port));
        StreamWriter w = conn.writer();
        w.write(data);
        int k = rnd.nextInt(data.length);
        byte[] part = await(conn.reader().readExactly(k));
        assertArrayEquals(Arrays.copyOf(data, k), part, "the echo's first " + k + " bytes");
        String how;
        switch (rnd.nextInt(4)) {
            case 0 -> {
                w.transport().abort();
                how = "abort";
            }
            case 1 -> {
                lingerZero(w);
                w.transport().abort();
                how = "reset";
            }
            case 2 -> {
                w.close();
                how = "close-unread";
            }
            default -> {
                await(w.drain());
                w.writeEof();
                byte[] rest = await(conn.reader().read(-1));
                assertArrayEquals(Arrays.copyOfRange(data, k, data.length), rest, "the rest of the echo");
                w.close();
                how = "clean";
            }
        }
        assertTrue(w.isClosing());
        try {
            await(w.waitClosed());
        } catch (Exception e) {   // an aborted connection may report how it ended; it must still end
            assertInstanceOf(IOException.class, e);
        }
        return completed(how);
    }

    static void lingerZero(StreamWriter w) {
        try {
            ((java.nio.channels.SocketChannel) w.getExtraInfo("socket")).setOption(java.net.StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Async
    static Coroutine<java.util.Map<String, Integer>> abruptClients(int port, int n) {
        java.util.Map<String, Integer> ways = new java.util.TreeMap<>();
        for (int b = 0; b < n; b += 50) {
            List<Task<String>> wave = new ArrayList<>();
            for (int i = b; i < Math.min(n, b + 50); i++) {
                wave.add(createTask(abruptClient(port, 5000 + i)));
            }
            for (String how : await(gather(wave))) {
                ways.merge(how, 1, Integer::sum);
            }
        }
        return completed(ways);
    }

    @Test
    void jasyncioClientsEndingAbruptlyAgainstPythonLeaveNothingOpen() throws IOException {
        int n = LONG ? 5000 : 200;
        try (Peer py = Peer.python("echo")) {
            int port = py.port();
            java.util.Map<String, Integer> ways = CancellationStressTest.runBounded(loop, loop.createTask(abruptClients(port, n)), BOUND_SECONDS);
            assertEquals(n, ways.values().stream().mapToInt(Integer::intValue).sum());
            assertEquals(4, ways.size(), "all four endings happened: " + ways);
            // The python server is unharmed, and this process holds no socket any more.
            java.util.Map<String, Integer> after = CancellationStressTest.runBounded(loop, loop.createTask(cleanClients(port, 10)), BOUND_SECONDS);
            assertEquals(10, after.get("clean"));
            assertEquals(socketsBefore, socketFds(), "every client socket closed, the loop still open");
            System.out.printf("NetworkFaultTest: %d jasyncio clients against python3 asyncio: %s%n", n, ways);
        }
        assertEquals(List.of(), reports);
    }

    @Async
    static Coroutine<java.util.Map<String, Integer>> cleanClients(int port, int n) {
        java.util.Map<String, Integer> ways = new java.util.TreeMap<>();
        int seed = 0;
        while (ways.getOrDefault("clean", 0) < n) {
            String how = await(abruptClient(port, 90_000 + seed++));
            ways.merge(how, 1, Integer::sum);
        }
        return completed(ways);
    }

    // ---------------------------------------------------------------- helpers

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Open socket descriptors of this process (Linux: /proc/self/fd links named "socket:[inode]"). */
    static long socketFds() throws IOException {
        return countFds("socket:");
    }

    static long countFds(String prefix) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd (Linux)");
        try (var s = Files.list(fds)) {
            return s.filter(p -> {
                try {
                    return Files.readSymbolicLink(p).toString().startsWith(prefix);
                } catch (IOException e) {
                    return false;   // closed while listing (the listing's own descriptor)
                }
            }).count();
        }
    }
}
