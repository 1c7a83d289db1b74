package io.jasyncio.samples.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL cluster on a free loopback port, made and removed by
 * {@code scripts/postgres.sh} (which holds the roles and passwords below), for the database samples
 * and their tests. Close it to stop the server and delete its data.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final String DATABASE = "jasyncio";
    /** Logs in with SCRAM-SHA-256. */
    public static final String USER = "jasyncio";
    public static final String PASSWORD = "jasyncio-secret";
    /** Logs in with md5. */
    public static final String MD5_USER = "jasyncio_md5";
    public static final String MD5_PASSWORD = "md5-secret";
    /** Logs in with a cleartext password. */
    public static final String CLEARTEXT_USER = "jasyncio_clear";
    public static final String CLEARTEXT_PASSWORD = "clear-secret";
    /** Logs in without a password (trust). */
    public static final String TRUST_USER = "jasyncio_trust";

    private static final long SCRIPT_TIMEOUT_SECONDS = 120;

    private final Path script;
    private final int port;
    private final String cluster;
    private final Thread stopAtExit;
    private boolean closed;

    private LocalPostgres(Path script, int port, String cluster) {
        this.script = script;
        this.port = port;
        this.cluster = cluster;
        // a JVM that exits without closing this (a killed test run) must not leave a server behind
        this.stopAtExit = new Thread(() -> {
            try {
                close();
            } catch (IOException | RuntimeException e) {
                System.err.println("could not stop " + this + ": " + e.getMessage());
            }
        }, "stop-" + cluster);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * Why no cluster can be started here (no script, no server binaries), or empty if one can. Tests
     * turn a reason into a skipped test.
     */
    public static Optional<String> unavailable() {
        Path script = findScript();
        if (script == null) {
            return Optional.of("scripts/postgres.sh not found above " + Path.of("").toAbsolutePath());
        }
        try {
            Outcome check = runScript(script, "check");
            return check.exit == 0 ? Optional.empty() : Optional.of(check.stderr.strip());
        } catch (IOException e) {
            return Optional.of("cannot run " + script + ": " + e.getMessage());
        }
    }

    /** Makes and starts a cluster (a second or two); blocks. */
    public static LocalPostgres start() throws IOException {
        Path script = findScript();
        if (script == null) {
            throw new IllegalStateException("scripts/postgres.sh not found in " + Path.of("").toAbsolutePath()
                    + " or above: run from the jasyncio checkout");
        }
        Outcome out = runScript(script, "start");
        if (out.exit != 0) {
            throw new IllegalStateException("scripts/postgres.sh start failed (exit " + out.exit + "):\n" + out.stderr);
        }
        Integer port = null;
        String cluster = null;
        for (String line : out.stdout.split("\n")) {
            if (line.startsWith("PGPORT=")) {
                port = Integer.parseInt(line.substring(7).strip());
            } else if (line.startsWith("PGCLUSTER=")) {
                cluster = line.substring(10).strip();
            }
        }
        if (port == null || cluster == null) {
            throw new IllegalStateException("scripts/postgres.sh start printed no PGPORT/PGCLUSTER:\n" + out.stdout);
        }
        return new LocalPostgres(script, port, cluster);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of the {@link #DATABASE} database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + DATABASE;
    }

    /** Stops the server and deletes the cluster. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != stopAtExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: closed is already set, so it will do nothing
            }
        }
        Outcome out = runScript(script, "stop", cluster);
        if (out.exit != 0) {
            throw new IllegalStateException("scripts/postgres.sh stop " + cluster + " failed:\n" + out.stderr);
        }
    }

    @Override
    public String toString() {
        return "LocalPostgres[" + HOST + ":" + port + ", " + cluster + "]";
    }

    private record Outcome(int exit, String stdout, String stderr) {
    }

    private static Outcome runScript(Path script, String... args) throws IOException {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = script.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Path err = Files.createTempFile("postgres-sh", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(script + " " + String.join(" ", args) + " took over " + SCRIPT_TIMEOUT_SECONDS + " s");
            }
            return new Outcome(p.exitValue(), stdout, Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + script, e);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** scripts/postgres.sh in the working directory or a parent (tests run in samples/, the tour at the root). */
    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scripts/postgres.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
