package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static io.jasyncio.IoTesting.run;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unix-domain stream sockets (open_unix_connection / start_unix_server) with Java and python3 peers. */
class UnixStreamsTest {
    private final EventLoop loop = new EventLoop();

    @TempDir
    Path dir;

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void pythonClientTalksToUnixServer() throws IOException {
        Path path = dir.resolve("s.sock");
        Server server = run(loop, startUnixServer(StreamsTest::upperCaser, path));
        assertEquals(java.util.List.of(UnixDomainSocketAddress.of(path)), server.sockets());
        assertThrows(IllegalStateException.class, server::localAddress, "not an IP address");
        try (Peer client = Peer.python("client-unix-lines", path)) {
            assertEquals("ALPHA|BETA|GAMMA", client.finish(loop).trim());
        }
        server.close();
        run(loop, server.waitClosed());
        assertFalse(Files.exists(path), "the socket file is removed on close");
    }

    @Test
    void javaClientAndServerOverAUnixSocket() {
        run(loop, roundTrip(dir.resolve("j.sock")));
    }

    @Async
    static Coroutine<Void> roundTrip(Path path) {
        Server server = await(startUnixServer(StreamsTest::upperCaser, path));
        StreamPair conn = await(openUnixConnection(path));
        conn.writer().write("unix\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("UNIX\n", new String(await(conn.reader().readLine()), StandardCharsets.US_ASCII));
        conn.writer().writeEof();   // half-close works on Unix sockets too
        assertEquals(0, await(conn.reader().readLine()).length);
        conn.writer().close();
        server.close();
        await(server.waitClosed());
        return completed();
    }

    @Test
    void missingSocketFileIsAClearError() {
        Path path = dir.resolve("nobody-listens.sock");
        Exception e = assertThrows(Exception.class, () -> run(loop, openUnixConnection(path)));
        assertInstanceOf(IOException.class, e);
        assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
    }
}
