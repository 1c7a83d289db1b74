package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static io.jasyncio.IoTesting.ascii;
import static io.jasyncio.IoTesting.run;
import static io.jasyncio.IoTesting.str;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on SSLEngine: Java client and server against each other and against {@code openssl s_server} /
 * {@code s_client}, and upgrading an open connection (start_tls). The key is a throwaway self-signed one
 * made by keytool for CN=localhost with SANs localhost and 127.0.0.1.
 */
class TlsTest {
    private static final String PASS = "changeit";

    @TempDir
    static Path dir;
    static Path keystore;
    static SSLContext context;

    private final EventLoop loop = new EventLoop();

    @BeforeAll
    static void makeKey() throws Exception {
        keystore = dir.resolve("ks.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "test", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASS, "-keypass", PASS)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + out);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASS.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASS.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    }

    /** The key and certificate as PEM for openssl (exported from the PKCS12 store by openssl itself). */
    static Path pem() throws Exception {
        Peer.assume("openssl");
        Path pem = dir.resolve("key.pem");
        if (!Files.exists(pem)) {
            Process p = new ProcessBuilder("openssl", "pkcs12", "-in", keystore.toString(), "-nodes", "-passin", "pass:" + PASS,
                    "-out", pem.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl pkcs12 failed: " + out);
        }
        return pem;
    }

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void javaClientAndServerTalkTls() {
        run(loop, tlsRoundTrip());
    }

    @Async
    static Coroutine<Void> tlsRoundTrip() {
        Server server = await(startServer(StreamsTest::upperCaser, "127.0.0.1", 0, context));
        StreamPair conn = await(openConnection("localhost", server.localAddress().getPort(), context));
        assertEquals("TLSv1.3", conn.writer().getExtraInfo("tls_version"));
        assertNotNull(conn.writer().getExtraInfo("peercert"));
        assertFalse(conn.writer().canWriteEof());
        byte[] big = new byte[60_000];   // several TLS records, under the 64 KiB line limit
        java.util.Arrays.fill(big, (byte) 'a');
        big[big.length - 1] = '\n';
        conn.writer().write(ascii("secret\n"));
        conn.writer().write(big);
        await(conn.writer().drain());
        assertEquals("SECRET\n", str(await(conn.reader().readLine())));
        byte[] back = await(conn.reader().readExactly(big.length));
        assertEquals('A', back[0]);
        assertEquals('\n', back[back.length - 1]);
        conn.writer().close();
        await(conn.writer().waitClosed());
        server.close();
        await(server.waitClosed());
        return completed();
    }

    @Test
    void untrustedCertificateFailsTheHandshakeAndTheServerGoesOn() throws Exception {
        SSLContext trustsNothingOfOurs = SSLContext.getInstance("TLS");
        trustsNothingOfOurs.init(null, null, null);   // the JDK's CA certificates only
        Server server = run(loop, startServer(StreamsTest::upperCaser, "127.0.0.1", 0, context));
        int port = server.localAddress().getPort();
        assertThrows(SSLHandshakeException.class, () -> run(loop, openConnection("localhost", port, trustsNothingOfOurs)));
        run(loop, echoOnceTls(port));
        server.close();
        run(loop, server.waitClosed());
    }

    @Async
    static Coroutine<Void> echoOnceTls(int port) {
        StreamPair conn = await(openConnection("127.0.0.1", port, context));   // the IP is in the SANs too
        conn.writer().write(ascii("again\n"));
        assertEquals("AGAIN\n", str(await(conn.reader().readLine())));
        conn.writer().close();
        await(conn.writer().waitClosed());
        return completed();
    }

    @Test
    void javaClientAgainstOpensslServer() throws Exception {
        Path pem = pem();
        try (Peer server = Peer.start("openssl s_server", dir, "openssl", "s_server", "-accept", "127.0.0.1:0",
                "-cert", pem.toString(), "-key", pem.toString(), "-rev", "-naccept", "1")) {
            int port = -1;
            for (int i = 0; i < 20 && port < 0; i++) {
                String line = server.readLine();
                if (line.startsWith("ACCEPT ")) {
                    port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
                }
            }
            assertTrue(port > 0, "openssl s_server did not say where it listens");
            assertEquals("olleh", run(loop, reversed(port)));
        }
    }

    @Async
    static Coroutine<String> reversed(int port) {
        StreamPair conn = await(openConnection("localhost", port, context));
        conn.writer().write(ascii("hello\n"));
        // s_server -rev greets first, then answers each line reversed
        String line;
        do {
            line = str(await(conn.reader().readLine())).trim();
        } while (!line.equals("olleh") && !line.isEmpty());
        conn.writer().close();
        return completed(line);
    }

    @Test
    void opensslClientAgainstJavaServer() throws Exception {
        Path pem = pem();
        Server server = run(loop, startServer(TlsTest::greetAndClose, "127.0.0.1", 0, context));
        try (Peer client = Peer.start("openssl s_client", dir, "openssl", "s_client", "-connect",
                "127.0.0.1:" + server.localAddress().getPort(), "-servername", "localhost", "-CAfile", pem.toString(),
                "-verify_return_error", "-quiet")) {
            client.process.getOutputStream().write(ascii("ping\n"));
            client.process.getOutputStream().flush();
            assertEquals("PONG ping", client.finish(loop).trim());
        }
        server.close();
        run(loop, server.waitClosed());
    }

    @Async
    static Coroutine<Void> greetAndClose(StreamReader reader, StreamWriter writer) {
        byte[] line = await(reader.readLine());
        writer.write(ascii("PONG " + str(line)));
        await(writer.drain());
        writer.close();
        await(writer.waitClosed());
        return completed();
    }

    @Test
    void startTlsUpgradesAnSmtpStyleSessionForOpensslClient() throws Exception {
        Path pem = pem();
        Server server = run(loop, startServer(TlsTest::smtp, "127.0.0.1", 0));
        try (Peer client = Peer.start("openssl s_client -starttls smtp", dir, "openssl", "s_client", "-starttls", "smtp",
                "-connect", "127.0.0.1:" + server.localAddress().getPort(), "-servername", "localhost",
                "-CAfile", pem.toString(), "-verify_return_error", "-quiet")) {
            client.process.getOutputStream().write(ascii("NOOP\r\n"));
            client.process.getOutputStream().flush();
            assertEquals("250 secure NOOP", client.finish(loop).trim());
        }
        server.close();
        run(loop, server.waitClosed());
    }

    /** Just enough SMTP for openssl's -starttls smtp: greet, EHLO, STARTTLS, then one command over TLS. */
    @Async
    static Coroutine<Void> smtp(StreamReader reader, StreamWriter writer) {
        writer.write(ascii("220 jasyncio ESMTP\r\n"));
        String ehlo = str(await(reader.readLine()));
        assertTrue(ehlo.startsWith("EHLO"), ehlo);
        writer.write(ascii("250-jasyncio\r\n250 STARTTLS\r\n"));
        assertEquals("STARTTLS\r\n", str(await(reader.readLine())));
        writer.write(ascii("220 go ahead\r\n"));
        await(writer.drain());
        await(writer.startTls(context, null));
        assertEquals("TLSv1.3", writer.getExtraInfo("tls_version"));
        String cmd = str(await(reader.readLine())).trim();
        writer.write(ascii("250 secure " + cmd + "\r\n"));
        await(writer.drain());
        writer.close();
        await(writer.waitClosed());
        return completed();
    }

    @Test
    void startTlsBetweenJavaPeers() {
        run(loop, upgradeBothSides());
    }

    @Async
    static Coroutine<Void> upgradeBothSides() {
        Server server = await(startServer(TlsTest::smtp, "127.0.0.1", 0));
        StreamPair conn = await(openConnection("127.0.0.1", server.localAddress().getPort()));
        StreamReader r = conn.reader();
        StreamWriter w = conn.writer();
        assertEquals("220 jasyncio ESMTP\r\n", str(await(r.readLine())));
        w.write(ascii("EHLO me\r\n"));
        assertEquals("250-jasyncio\r\n", str(await(r.readLine())));
        assertEquals("250 STARTTLS\r\n", str(await(r.readLine())));
        w.write(ascii("STARTTLS\r\n"));
        assertEquals("220 go ahead\r\n", str(await(r.readLine())));
        await(w.startTls(context, "localhost"));
        w.write(ascii("QUIT\r\n"));
        assertEquals("250 secure QUIT\r\n", str(await(r.readLine())));
        assertEquals(0, await(r.read(10)).length, "the server closed");
        w.close();
        server.close();
        await(server.waitClosed());
        return completed();
    }
}
