package io.jasyncio;

import static io.jasyncio.IoTesting.run;
import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * accept() failing for lack of file descriptors: the server reports it once, pauses accepting for a
 * second (asyncio's ACCEPT_RETRY_DELAY) instead of spinning on the failure, and then serves the client
 * that waited in the backlog. The server runs in a child JVM whose descriptors it exhausts itself, so
 * nothing else suffers (a JVM out of descriptors cannot even load classes).
 */
class AcceptErrorsTest {
    @Test
    void outOfFileDescriptorsIsReportedAndServingResumes() throws Exception {
        Peer.assume("sh");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        java.io.File errors = java.io.File.createTempFile("accept-errors-child", ".log");
        errors.deleteOnExit();
        Process child = new ProcessBuilder("sh", "-c", "ulimit -n 1024 && exec \"$0\" -cp \"$1\" io.jasyncio.AcceptErrorsTest\\$Child",
                javaBin, cp).redirectError(errors).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
             Writer in = new java.io.OutputStreamWriter(child.getOutputStream(), StandardCharsets.US_ASCII)) {
            String first = out.readLine();
            assertNotNull(first, () -> "the child server did not start: " + childErrors(child, errors));
            int port = Integer.parseInt(first.substring("PORT ".length()));
            assertEquals("A\n", exchange(port, "a\n"));   // warm-up: every class on the serving path is loaded now
            in.write("fill\n");
            in.flush();
            assertEquals("FULL", out.readLine());
            assertEquals("B\n", exchange(port, "b\n"));   // waits in the backlog through the failure and the pause
            assertEquals("REPORT socket.accept() out of system resource: Too many open files", out.readLine());
            in.write("quit\n");
            in.flush();
            assertEquals("SERVING true", out.readLine());
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not exit");
            assertEquals(0, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
    }

    private static String childErrors(Process child, java.io.File errors) {
        try {
            child.waitFor(10, TimeUnit.SECONDS);
            return java.nio.file.Files.readString(errors.toPath());
        } catch (IOException | InterruptedException e) {
            return "(child's stderr unreadable: " + e + ")";
        }
    }

    /** One blocking client round trip (this JVM is a plain peer here). */
    private static String exchange(int port, String line) throws IOException {
        try (SocketChannel c = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            c.socket().setSoTimeout(30_000);
            c.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
            c.shutdownOutput();
            return new String(c.socket().getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** The child: a stream server that fills its descriptor table on command. */
    static final class Child {
        public static void main(String[] args) throws Exception {
            EventLoop loop = new EventLoop();
            List<FileChannel> ballast = new ArrayList<>();
            loop.setExceptionHandler((l, ctx) -> {
                Throwable e = (Throwable) ctx.get("exception");
                System.out.println("REPORT " + ctx.get("message") + ": " + (e == null ? "" : e.getMessage()));
                System.out.flush();
                for (FileChannel f : ballast) {
                    try {
                        f.close();
                    } catch (IOException ignored) {
                        // /dev/null closes
                    }
                }
                ballast.clear();
            });
            Server server = run(loop, Asyncio.startServer(StreamsTest::upperCaser, "127.0.0.1", 0));
            Future<Void> quit = loop.createFuture();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            Thread reader = new Thread(() -> {
                try {
                    for (String cmd; (cmd = commands.readLine()) != null; ) {
                        String c = cmd;
                        loop.callSoonThreadsafe(() -> {
                            if (c.equals("fill")) {
                                while (true) {
                                    try {
                                        ballast.add(FileChannel.open(Path.of("/dev/null")));
                                    } catch (IOException full) {
                                        break;
                                    }
                                }
                                System.out.println("FULL");
                                System.out.flush();
                            } else if (c.equals("quit")) {
                                quit.setResult(null);
                            }
                        });
                    }
                } catch (IOException e) {
                    loop.callSoonThreadsafe(() -> quit.setException(e));
                }
            });
            reader.setDaemon(true);
            reader.start();
            loop.callLater(0, () -> { });   // the retry path schedules a timer: have its classes loaded
            System.out.println("PORT " + server.localAddress().getPort());
            System.out.flush();
            run(loop, quit);
            System.out.println("SERVING " + server.isServing());
            System.out.flush();
            System.exit(0);
        }
    }
}
