package io.jasyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real peer process for I/O tests: python3 running {@code peers/peer.py}, or any other program
 * (curl, nginx, openssl). Absent programs skip the test through a JUnit assumption.
 */
final class Peer implements AutoCloseable {
    static final long TIMEOUT_SECONDS = 30;
    /** Blocking reads of the peer's pipes get their own threads: never the common pool, which may have one. */
    private static final java.util.concurrent.ExecutorService PIPES = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "peer-pipe");
        t.setDaemon(true);
        return t;
    });

    final Process process;
    private final BufferedReader out;
    private final CompletableFuture<String> err;
    private final String name;

    private Peer(String name, List<String> command, Path dir) throws IOException {
        this.name = name;
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        process = pb.start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(stderr unreadable: " + e + ")";
            }
        }, PIPES);
    }

    /** Whether the program is on the PATH. */
    static boolean available(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", program));
    }

    static void assume(String program) {
        assumeTrue(available(program), program + " is not installed: this test needs it as a real peer (see .ci/packages.txt)");
    }

    static Path script() {
        try {
            return Path.of(Peer.class.getResource("/peers/peer.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts peer.py in {@code mode}; a server mode waits for its "PORT n" line. */
    static Peer python(String mode, Object... args) throws IOException {
        assume("python3");
        List<String> cmd = new ArrayList<>(List.of("python3", script().toString(), mode));
        for (Object a : args) {
            cmd.add(String.valueOf(a));
        }
        return new Peer("peer.py " + mode, cmd, null);
    }

    static Peer start(String name, Path dir, String... command) throws IOException {
        assume(command[0]);
        return new Peer(name, List.of(command), dir);
    }

    /** The next stdout line (blocking this thread, bounded by a timeout). */
    String readLine() {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, PIPES);
        try {
            String s = line.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (s == null) {
                fail(name + " ended without output; stderr: " + stderr());
            }
            return s;
        } catch (Exception e) {
            throw new AssertionError(name + ": no output line within " + TIMEOUT_SECONDS + " s; stderr: " + stderrNow(), e);
        }
    }

    /** For server modes: the port from the "PORT n" line. */
    int port() {
        String line = readLine();
        if (!line.startsWith("PORT ")) {
            fail(name + " said '" + line + "' instead of PORT n");
        }
        return Integer.parseInt(line.substring(5).trim());
    }

    /** Runs the loop until the process exits (the loop keeps serving meanwhile); returns stdout, asserting exit 0. */
    String finish(EventLoop loop) {
        Future<Integer> exit = loop.runInExecutor(null, () -> process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) ? process.exitValue() : -1);
        int code = IoTesting.run(loop, exit);
        String rest;
        try {
            rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            rest = "";
        }
        assertEquals(0, code, name + " failed (exit " + code + "); stdout: " + rest + " stderr: " + stderr());
        return rest;
    }

    String stderr() {
        try {
            return err.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "(stderr not available: " + e + ")";
        }
    }

    private String stderrNow() {
        return err.getNow("(still running)");
    }

    /** Stops the peer: closes stdin (servers exit on it), then kills it if it lingers. */
    @Override
    public void close() throws IOException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
