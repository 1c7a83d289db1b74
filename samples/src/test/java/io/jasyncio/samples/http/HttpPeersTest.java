package io.jasyncio.samples.http;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link NotesService} on {@link HttpServer}, driven by real HTTP peers run as processes: curl (methods,
 * path parameters, JSON bodies, keep-alive, HTTP/1.0, HEAD, the size limits) and wrk (a short load run).
 * The service runs on a real event loop in a background thread, on an ephemeral loopback port, with the
 * server's default {@link Limits}; every test ends with a graceful shutdown that must leave no connection
 * open and no unhandled exception on the loop. A test is skipped only when its peer is not installed.
 */
class HttpPeersTest {
    private static final String HOST = "127.0.0.1";
    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain; charset=utf-8";
    /** curl's write-out after each transfer: how many new connections the transfer opened, how long it took. */
    private static final String MARK = "\n<<connects=%{num_connects} time=%{time_total}>>";
    private static final Pattern MARKS = Pattern.compile("\n<<connects=(\\d+) time=([0-9.]+)>>");

    private Service service;

    @BeforeEach
    void startService() throws Exception {
        service = new Service();
    }

    @AfterEach
    void stopService() throws Exception {
        if (service != null && !service.stopped()) {
            Service.Summary summary = service.shutdown(5);
            assertEquals(0, summary.openConnections(), "connections left open after shutdown");
            assertTrue(summary.tasksLeft().isEmpty(), "tasks left on the loop: " + summary.tasksLeft());
        }
        if (service != null) {
            assertEquals(List.of(), service.unhandled(), "unhandled exceptions on the loop");
        }
    }

    // ------------------------------------------------------------------------------------------- curl

    @Test
    void curlCreatesReadsUpdatesListsAndDeletesNotesByPathParameter() throws Exception {
        requireBinary("curl");
        String text = "caf\u00e9 \u2615 \"quoted\"\nline 2";
        // a JSON document is a note's text like any other: stored as sent, echoed back escaped
        Reply created = curl1("-X", "POST", "-H", "Content-Type: application/json",
                "--data-binary", "{\"title\":\"milk\"}", url("/notes"));
        assertReply(created, 201, "Created", JSON, "{\"id\":1,\"text\":\"{\\\"title\\\":\\\"milk\\\"}\"}");
        Reply second = curl1("-X", "POST", "-H", "Content-Type: text/plain; charset=utf-8",
                "--data-binary", text, url("/notes"));
        String secondJson = "{\"id\":2,\"text\":\"caf\u00e9 \u2615 \\\"quoted\\\"\\nline 2\"}";
        assertReply(second, 201, "Created", JSON, secondJson);
        // Content-Length counts UTF-8 bytes, not chars
        assertEquals(secondJson.getBytes(StandardCharsets.UTF_8).length, Integer.parseInt(second.header("Content-Length")));

        assertReply(curl1(url("/notes/2")), 200, "OK", JSON, secondJson);
        assertReply(curl1("-X", "PUT", "--data-binary", "oat milk", url("/notes/1")),
                200, "OK", JSON, "{\"id\":1,\"text\":\"oat milk\"}");
        assertReply(curl1(url("/notes/1")), 200, "OK", JSON, "{\"id\":1,\"text\":\"oat milk\"}");
        assertReply(curl1(url("/notes")), 200, "OK", JSON, "[{\"id\":1,\"text\":\"oat milk\"}," + secondJson + "]");
        assertReply(curl1("-X", "DELETE", url("/notes/1")), 200, "OK", JSON, "{\"deleted\":1}");

        String notFound = "{\"detail\":\"Not Found\"}";
        assertReply(curl1(url("/notes/1")), 404, "Not Found", JSON, notFound);
        assertReply(curl1("-X", "DELETE", url("/notes/1")), 404, "Not Found", JSON, notFound);
        assertReply(curl1("-X", "PUT", "--data-binary", "x", url("/notes/9")), 404, "Not Found", JSON, notFound);
        assertReply(curl1(url("/notes/abc")), 404, "Not Found", JSON, notFound);
        assertReply(curl1(url("/notes/%32")), 200, "OK", JSON, secondJson);   // path parameters are percent-decoded
        assertReply(curl1(url("/notes?sort=id")), 200, "OK", JSON, "[" + secondJson + "]");   // the query is not the path
        // a route for the path, not for the method
        assertReply(curl1("-X", "PATCH", url("/notes/2")), 405, "Method Not Allowed", TEXT, "Method Not Allowed\n");
        assertEquals(14, service.onLoop(() -> service.server.requestsServed()));
    }

    @Test
    void expect100ContinueGetsTheInterimResponseBeforeTheBodyIsSent() throws Exception {
        requireBinary("curl");
        String text = "n".repeat(4000);
        // without the interim 100 curl would wait its expect100-timeout (here 5 s) before sending the body
        Run run = curl("-v", "--expect100-timeout", "5", "-H", "Expect: 100-continue", "-X", "POST",
                "--data-binary", text, url("/notes"));
        List<Reply> replies = replies(run);
        assertEquals(1, replies.size(), run::toString);
        assertReply(replies.get(0), 201, "Created", JSON, "{\"id\":1,\"text\":\"" + text + "\"}");
        assertTrue(run.stderr().contains("> Expect: 100-continue"), run.stderr());
        assertTrue(run.stderr().contains("< HTTP/1.1 100 Continue"), run.stderr());
        assertTrue(replies.get(0).seconds() < 4, "curl waited for the 100 Continue: " + replies.get(0).seconds() + " s");
    }

    @Test
    void curlGets404ForAnUnknownRoute() throws Exception {
        requireBinary("curl");
        for (String path : List.of("/nothing", "/", "/notes/1/extra", "/notes/")) {
            assertReply(curl1(url(path)), 404, "Not Found", TEXT, "Not Found\n");
        }
        assertReply(curl1("-X", "POST", "--data-binary", "x", url("/nothing")), 404, "Not Found", TEXT, "Not Found\n");
    }

    @Test
    void twoUrlsInOneCurlShareOneKeptAliveConnection() throws Exception {
        requireBinary("curl");
        curl1("-X", "POST", "--data-binary", "buy milk", url("/notes"));
        int accepted = service.onLoop(() -> service.server.connectionsAccepted());
        Run run = curl("-v", url("/notes/1"), url("/notes"));
        List<Reply> replies = replies(run);
        assertEquals(2, replies.size(), run::toString);
        assertReply(replies.get(0), 200, "OK", JSON, "{\"id\":1,\"text\":\"buy milk\"}");
        assertReply(replies.get(1), 200, "OK", JSON, "[{\"id\":1,\"text\":\"buy milk\"}]");
        assertEquals("keep-alive", replies.get(0).header("Connection"));
        assertEquals("keep-alive", replies.get(1).header("Connection"));
        assertEquals(List.of(1, 0), List.of(replies.get(0).connects(), replies.get(1).connects()),
                "num_connects: the second transfer must reuse the first one's connection");
        assertTrue(run.stderr().contains("Re-using existing connection"), run.stderr());
        assertEquals(accepted + 1, service.onLoop(() -> service.server.connectionsAccepted()));
    }

    @Test
    void http10WithoutKeepAliveIsAnsweredAndClosed() throws Exception {
        requireBinary("curl");
        curl1("-X", "POST", "--data-binary", "buy milk", url("/notes"));
        int accepted = service.onLoop(() -> service.server.connectionsAccepted());
        Run run = curl("-v", "--http1.0", url("/notes/1"), url("/notes/1"));
        List<Reply> replies = replies(run);
        assertEquals(2, replies.size(), run::toString);
        for (Reply reply : replies) {
            assertReply(reply, 200, "OK", JSON, "{\"id\":1,\"text\":\"buy milk\"}");
            assertEquals("close", reply.header("Connection"));
            assertEquals(1, reply.connects(), "an HTTP/1.0 request without keep-alive gets its own connection");
        }
        assertTrue(run.stderr().contains("GET /notes/1 HTTP/1.0"), run.stderr());
        assertTrue(!run.stderr().contains("Re-using existing connection"), run.stderr());
        assertEquals(accepted + 2, service.onLoop(() -> service.server.connectionsAccepted()));
    }

    @Test
    void headGetsTheHeadOfTheGetWithoutABody() throws Exception {
        requireBinary("curl");
        curl1("-X", "POST", "--data-binary", "buy milk", url("/notes"));
        String body = "{\"id\":1,\"text\":\"buy milk\"}";
        // three HEADs on one connection: a body sent after any head would break the next response
        Run run = curl("--head", url("/notes/1"), url("/nothing"), url("/notes/7"));
        List<Reply> replies = replies(run);
        assertEquals(3, replies.size(), run::toString);
        assertEquals(List.of(1, 0, 0), replies.stream().map(Reply::connects).toList(), run::toString);
        assertHead(replies.get(0), 200, "OK", JSON, body.length());
        assertHead(replies.get(1), 404, "Not Found", TEXT, "Not Found\n".length());
        assertHead(replies.get(2), 404, "Not Found", JSON, "{\"detail\":\"Not Found\"}".length());
        assertTrue(run.stdout().replaceAll(MARKS.pattern(), "").endsWith("\r\n\r\n"), "no body after the heads");
    }

    @Test
    void overlongRequestLineGets414AndOversizedHeadersGet431() throws Exception {
        requireBinary("curl");
        Limits limits = Limits.DEFAULT;
        // a request line just within the limit is served
        String fits = "/notes/" + "1".repeat(limits.maxRequestLine() - "GET /notes/ HTTP/1.1".length());
        assertReply(curl1(url(fits)), 404, "Not Found", JSON, "{\"detail\":\"Not Found\"}");
        // one byte more: 414
        String tooLong = fits + "1";
        for (int i = 0; i < 5; i++) {   // repeated: the refusal must reach the client every time
            Reply reply = curl1(url(tooLong));
            assertReply(reply, 414, "URI Too Long", TEXT, "request line too long\n");
            assertEquals("close", reply.header("Connection"));
        }
        // past the stream's line limit too: still 414
        assertReply(curl1(url("/notes/" + "1".repeat(70_000))), 414, "URI Too Long", TEXT, "request line too long\n");

        // headers over maxHeaderBytes in total: 431
        String big = "X-Big: " + "b".repeat(limits.maxHeaderBytes());
        for (int i = 0; i < 5; i++) {
            Reply reply = curl1("-H", big, url("/notes"));
            assertReply(reply, 431, "Request Header Fields Too Large", TEXT, "headers too large\n");
            assertEquals("close", reply.header("Connection"));
        }
        // one header line past the stream's line limit: 431 too
        assertReply(curl1("-H", "X-Huge: " + "h".repeat(70_000), url("/notes")),
                431, "Request Header Fields Too Large", TEXT, "header line too long\n");
        // more than maxHeaders headers: 431
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= limits.maxHeaders(); i++) {
            many.add("-H");
            many.add("X-" + i + ": 1");
        }
        many.add(url("/notes"));
        assertReply(curl1(many.toArray(String[]::new)), 431, "Request Header Fields Too Large", TEXT, "too many headers\n");
        // and a body over maxBody: 413, without the server reading it
        Path body = Files.createTempFile("jasyncio-body", ".bin");
        try {
            Files.write(body, new byte[limits.maxBody() + 1]);
            assertReply(curl1("-X", "POST", "--data-binary", "@" + body, url("/notes")),
                    413, "Content Too Large", TEXT, "body too large\n");
            // without Expect: 100-continue curl is sending the body while the refusal comes: the server must not
            // reset the connection (closing with the body unread) before curl has read the 413
            for (int i = 0; i < 5; i++) {
                assertReply(curl1("-H", "Expect:", "-X", "POST", "--data-binary", "@" + body, url("/notes")),
                        413, "Content Too Large", TEXT, "body too large\n");
            }
        } finally {
            Files.delete(body);
        }
        // the service is still fine afterwards
        assertReply(curl1(url("/notes")), 200, "OK", JSON, "[]");
    }

    @Test
    void aClientThatHangsUpInsideABodyIsDroppedQuietly() throws Exception {
        requireBinary("bash");
        requireBinary("curl");
        // bash as a raw peer: a head announcing 10 bytes of body, 3 sent, then the connection is closed
        Run bash = run(List.of("bash", "-c", "exec 3<>/dev/tcp/" + HOST + "/" + service.port
                + "; printf 'POST /notes HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 10\\r\\n\\r\\nabc' >&3; exec 3>&-"), 10);
        assertEquals(0, bash.exit(), bash::toString);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (service.onLoop(() -> service.server.openConnections()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, service.onLoop(() -> service.server.openConnections()));
        assertEquals(List.of(), service.unhandled(), "unhandled exceptions on the loop");
        assertReply(curl1(url("/notes")), 200, "OK", JSON, "[]");   // nothing was created
    }

    // -------------------------------------------------------------------------------------------- wrk

    @Test
    void wrkLoadThenCurlStillAnsweredThenGracefulShutdown() throws Exception {
        requireBinary("wrk");
        requireBinary("curl");
        assertReply(curl1("-X", "POST", "--data-binary", "buy milk", url("/notes")),
                201, "Created", JSON, "{\"id\":1,\"text\":\"buy milk\"}");

        Run wrk = run(List.of("wrk", "-t1", "-c16", "-d2s", "--latency", url("/notes/1")), 30);
        System.out.println("[HttpPeersTest] " + String.join(" ", wrk.command()) + "\n" + wrk.stdout() + wrk.stderr());
        assertEquals(0, wrk.exit(), wrk::toString);
        Matcher done = Pattern.compile("(\\d+) requests in ").matcher(wrk.stdout());
        assertTrue(done.find(), wrk::toString);
        long requests = Long.parseLong(done.group(1));
        assertTrue(requests > 0, wrk::toString);
        assertTrue(!wrk.stdout().contains("Socket errors"), "wrk saw socket errors:\n" + wrk.stdout());
        assertTrue(!wrk.stdout().contains("Non-2xx or 3xx responses"), "wrk saw non-2xx responses:\n" + wrk.stdout());
        assertTrue(wrk.stdout().contains("Latency Distribution"), wrk::toString);

        // the server still answers after the load, and served every request wrk counted
        assertReply(curl1(url("/notes/1")), 200, "OK", JSON, "{\"id\":1,\"text\":\"buy milk\"}");
        int served = service.onLoop(() -> service.server.requestsServed());
        assertTrue(served >= requests + 2, "served " + served + ", wrk completed " + requests);
        assertTrue(service.onLoop(() -> service.server.connectionsAccepted()) >= 16 + 2);

        Service.Summary summary = service.shutdown(5);
        assertEquals(0, summary.openConnections(), "connections left open after shutdown");
        assertTrue(summary.shutdownSeconds() < 5, "shutdown ran into the grace period: " + summary.shutdownSeconds());
        assertTrue(summary.tasksLeft().isEmpty(), "tasks left on the loop: " + summary.tasksLeft());
        assertNoEstablishedConnections(service.port);
        // and it no longer accepts
        Run refused = curl(url("/notes/1"));
        assertEquals(7, refused.exit(), "curl: couldn't connect expected\n" + refused);
    }

    // ---------------------------------------------------------------------------------- the service

    /** The notes service on a loop of its own, run by a background thread until {@link #shutdown}. */
    private static final class Service {
        record Summary(int openConnections, double shutdownSeconds, List<String> tasksLeft) {
        }

        final EventLoop loop = new EventLoop();
        final HttpServer server = new HttpServer(new NotesService().router());
        final int port;
        private final List<String> unhandled = Collections.synchronizedList(new ArrayList<>());
        private final CompletableFuture<Integer> ready = new CompletableFuture<>();
        private final CompletableFuture<Double> stop = new CompletableFuture<>();
        private final CompletableFuture<Summary> done = new CompletableFuture<>();
        private final Thread thread;

        Service() throws Exception {
            loop.setExceptionHandler((l, context) -> unhandled.add(context.toString()));
            thread = new Thread(() -> {
                try {
                    Summary summary = loop.runUntilComplete(serve());
                    done.complete(summary);
                } catch (Throwable t) {
                    ready.completeExceptionally(t);
                    done.completeExceptionally(t);
                } finally {
                    loop.close();
                }
            }, "HttpPeersTest-loop");
            thread.setDaemon(true);
            thread.start();
            port = ready.get(10, TimeUnit.SECONDS);
        }

        @Async
        private Coroutine<Summary> serve() {
            int bound = await(server.start(HOST, 0)).getPort();
            ready.complete(bound);
            double grace = await(stop);
            double start = loop.time();
            await(server.shutdown(grace));
            double took = loop.time() - start;
            Object self = io.jasyncio.Asyncio.currentTask();
            List<String> left = new ArrayList<>();
            for (Object t : loop.allTasks()) {
                if (t != self) {
                    left.add(t.toString());
                }
            }
            return completed(new Summary(server.openConnections(), took, left));
        }

        /** Runs {@code what} on the loop thread and returns its value. */
        <T> T onLoop(Supplier<T> what) throws Exception {
            CompletableFuture<T> result = new CompletableFuture<>();
            loop.callSoonThreadsafe(() -> {
                try {
                    result.complete(what.get());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
            return result.get(10, TimeUnit.SECONDS);
        }

        boolean stopped() {
            return stop.isDone();
        }

        /** Graceful shutdown with {@code grace} seconds; waits for the loop thread to finish. */
        Summary shutdown(double grace) throws Exception {
            stop.complete(grace);
            Summary summary = done.get((long) grace + 10, TimeUnit.SECONDS);
            thread.join(TimeUnit.SECONDS.toMillis(10));
            assertTrue(!thread.isAlive(), "the loop thread is still running");
            return summary;
        }

        List<String> unhandled() {
            synchronized (unhandled) {
                return List.copyOf(unhandled);
            }
        }
    }

    // ---------------------------------------------------------------------------------- the peers

    private String url(String path) {
        return "http://" + HOST + ":" + service.port + path;
    }

    private static void requireBinary(String name) {
        assumeTrue(onPath(name), name + " is not installed (not on PATH): the " + name
                + " peer tests need it (Debian package '" + name + "', listed in .ci/packages.txt)");
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .map(dir -> new File(dir, name))
                .anyMatch(f -> f.isFile() && f.canExecute());
    }

    record Run(List<String> command, int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            String cmd = String.join(" ", command);
            return (cmd.length() > 300 ? cmd.substring(0, 300) + "..." : cmd) + "\nexit " + exit
                    + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /** Runs a peer to completion (killed after {@code timeoutSeconds}), its output in temporary files. */
    private static Run run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jasyncio-peer", ".out");
        Path err = Files.createTempFile("jasyncio-peer", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                fail(command.get(0) + " did not finish within " + timeoutSeconds + " s: " + command);
            }
            return new Run(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** curl, quiet but showing errors, heads included, no proxy, bounded, with {@link #MARK} after each transfer. */
    private static Run curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-i", "--noproxy", "*", "--max-time", "10",
                "-w", MARK));
        command.addAll(Arrays.asList(args));
        return run(command, 30);
    }

    /** One transfer's reply; curl must have succeeded. */
    private static Reply curl1(String... args) throws IOException, InterruptedException {
        Run run = curl(args);
        List<Reply> replies = replies(run);
        assertEquals(1, replies.size(), run::toString);
        return replies.get(0);
    }

    /** What curl -i printed for one transfer: final status line, header lines in order, body; new connections, time. */
    record Reply(String statusLine, List<String> headers, String body, int connects, double seconds) {
        String header(String name) {
            for (String h : headers) {
                int colon = h.indexOf(':');
                if (h.substring(0, colon).equalsIgnoreCase(name)) {
                    return h.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private static List<Reply> replies(Run run) {
        assertEquals(0, run.exit(), run::toString);
        List<Reply> replies = new ArrayList<>();
        Matcher m = MARKS.matcher(run.stdout());
        int from = 0;
        while (m.find()) {
            String raw = run.stdout().substring(from, m.start());
            from = m.end();
            while (raw.startsWith("HTTP/1.1 1")) {   // an interim response (100 Continue) before the final one
                raw = raw.substring(raw.indexOf("\r\n\r\n") + 4);
            }
            int end = raw.indexOf("\r\n\r\n");
            assertTrue(end >= 0, "no end of head in:\n" + raw);
            List<String> lines = List.of(raw.substring(0, end).split("\r\n"));
            replies.add(new Reply(lines.get(0), lines.subList(1, lines.size()), raw.substring(end + 4),
                    Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2))));
        }
        assertEquals(run.stdout().length(), from, "output after the last transfer:\n" + run);
        return replies;
    }

    /** Status line, exactly the headers the server sends (in its order) and the body. */
    private static void assertReply(Reply reply, int status, String reason, String contentType, String body) {
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        assertEquals("HTTP/1.1 " + status + " " + reason, reply.statusLine(), reply::toString);
        String connection = reply.header("Connection");
        assertEquals(List.of("Content-Type: " + contentType, "Content-Length: " + length, "Connection: " + connection),
                reply.headers(), reply::toString);
        assertTrue(List.of("keep-alive", "close").contains(connection), reply::toString);
        assertEquals(body, reply.body(), reply::toString);
    }

    private static void assertHead(Reply reply, int status, String reason, String contentType, int length) {
        assertEquals("HTTP/1.1 " + status + " " + reason, reply.statusLine(), reply::toString);
        assertEquals(List.of("Content-Type: " + contentType, "Content-Length: " + length, "Connection: keep-alive"),
                reply.headers(), reply::toString);
        assertEquals("", reply.body(), reply::toString);
    }

    /** From the OS side too (when ss is installed): no TCP connection to or from the port is established. */
    private static void assertNoEstablishedConnections(int port) throws IOException, InterruptedException {
        if (!onPath("ss")) {
            return;
        }
        Run ss = run(List.of("ss", "-Htn", "state", "established", "( sport = :" + port + " or dport = :" + port + " )"), 10);
        assertEquals(0, ss.exit(), ss::toString);
        assertEquals("", ss.stdout().trim(), "established connections left:\n" + ss.stdout());
    }
}
