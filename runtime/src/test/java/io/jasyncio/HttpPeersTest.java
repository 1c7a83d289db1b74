package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static io.jasyncio.IoTesting.pattern;
import static io.jasyncio.IoTesting.ascii;
import static io.jasyncio.IoTesting.run;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP over streams with real HTTP peers: curl against a jasyncio server, jasyncio against nginx. */
class HttpPeersTest {
    private final EventLoop loop = new EventLoop();

    @TempDir
    Path dir;

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    static final byte[] BIG = pattern(3 * 1024 * 1024);

    /** A tiny HTTP/1.1 server: one request per connection, /big gives 3 MiB, anything else a greeting. */
    @Async
    static Coroutine<Void> http(StreamReader reader, StreamWriter writer) {
        String head = new String(await(reader.readUntil(ascii("\r\n\r\n"))), StandardCharsets.US_ASCII);
        String path = head.split(" ", 3)[1];
        byte[] body = path.equals("/big") ? BIG : ascii("hello from jasyncio at " + path + "\n");
        writer.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n"));
        for (int i = 0; i < body.length; i += 65536) {
            writer.write(java.util.Arrays.copyOfRange(body, i, Math.min(body.length, i + 65536)));
            await(writer.drain());
        }
        writer.close();
        await(writer.waitClosed());
        return completed();
    }

    @Test
    void curlGetsPagesFromAJasyncioServer() throws IOException {
        Server server = run(loop, startServer(HttpPeersTest::http, "127.0.0.1", 0));
        String base = "http://127.0.0.1:" + server.localAddress().getPort();
        try (Peer curl = Peer.start("curl", dir, "curl", "-sS", "--max-time", "20", base + "/greeting")) {
            assertEquals("hello from jasyncio at /greeting\n", curl.finish(loop));
        }
        Path out = dir.resolve("big.bin");
        try (Peer curl = Peer.start("curl", dir, "curl", "-sS", "--max-time", "20", "-o", out.toString(), "-w", "%{http_code} %{size_download}",
                base + "/big")) {
            assertEquals("200 " + BIG.length, curl.finish(loop));
        }
        assertArrayEquals(BIG, Files.readAllBytes(out));
        server.close();
        run(loop, server.waitClosed());
    }

    @Test
    void jasyncioClientDownloadsFromNginx() throws Exception {
        Peer.assume("nginx");
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.write(www.resolve("file.bin"), BIG);
        int port;
        try (ServerSocketChannel probe = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        Path conf = dir.resolve("nginx.conf");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        // daemon on + master_process off: the command returns once the port is bound (our readiness signal),
        // and the one nginx process runs as this user.
        Files.writeString(conf, "daemon on; master_process off;\n"
                + "pid " + dir.resolve("nginx.pid") + ";\nerror_log " + dir.resolve("error.log") + ";\n"
                + "events { worker_connections 64; }\n"
                + "http { access_log off; client_body_temp_path " + tmp + "; proxy_temp_path " + tmp + "; fastcgi_temp_path " + tmp
                + "; uwsgi_temp_path " + tmp + "; scgi_temp_path " + tmp + ";\n"
                + "  server { listen 127.0.0.1:" + port + "; root " + www + "; } }\n");
        Process start = new ProcessBuilder("nginx", "-p", dir.toString(), "-c", conf.toString(), "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true).start();
        String startOut = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(start.waitFor(30, TimeUnit.SECONDS), "nginx did not start");
        assertEquals(0, start.exitValue(), "nginx failed: " + startOut);
        long pid = Long.parseLong(Files.readString(dir.resolve("nginx.pid")).trim());
        try {
            byte[] body = run(loop, get(port, "/file.bin"));
            assertArrayEquals(BIG, body);
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    /** GET over a jasyncio stream: status line, headers, then exactly Content-Length bytes. */
    @Async
    static Coroutine<byte[]> get(int port, String path) {
        StreamPair conn = await(openConnection("127.0.0.1", port));
        conn.writer().write(ascii("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        String status = new String(await(conn.reader().readLine()), StandardCharsets.US_ASCII);
        assertTrue(status.startsWith("HTTP/1.1 200"), status);
        int length = -1;
        for (String h; !(h = new String(await(conn.reader().readLine()), StandardCharsets.US_ASCII)).equals("\r\n"); ) {
            if (h.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).trim());
            }
        }
        assertTrue(length >= 0, "no Content-Length");
        byte[] body = await(conn.reader().readExactly(length));
        assertEquals(0, await(conn.reader().read(-1)).length, "nginx closes after the response");
        conn.writer().close();
        await(conn.writer().waitClosed());
        return completed(body);
    }
}
