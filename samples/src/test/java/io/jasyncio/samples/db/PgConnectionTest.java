package io.jasyncio.samples.db;

import io.jasyncio.Async;
import io.jasyncio.AsyncTimeoutException;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Server;
import io.jasyncio.StreamPair;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import io.jasyncio.Task;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.openConnection;
import static io.jasyncio.Asyncio.startServer;
import static io.jasyncio.Asyncio.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The native client against a real server: logins, rows, errors, cancellation, a server going away. */
@ExtendWith(PostgresExtension.class)
// a hung coroutine fails its test instead of hanging the build (the same-thread mode only reports afterwards)
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PgConnectionTest {

    @Async
    static Coroutine<String> whoAmI(LocalPostgres pg, String user, String password) {
        PgConnection conn = await(Pg.connect(pg.host(), pg.port(), user, password, LocalPostgres.DATABASE));
        try {
            return completed(await(conn.fetchRow("SELECT current_user AS u")).get("u"));
        } finally {
            await(conn.close());
        }
    }

    @Test
    void logsInWithScramMd5CleartextAndTrust(LocalPostgres pg) {
        assertEquals(LocalPostgres.USER, Asyncio.run(whoAmI(pg, LocalPostgres.USER, LocalPostgres.PASSWORD)));
        assertEquals(LocalPostgres.MD5_USER, Asyncio.run(whoAmI(pg, LocalPostgres.MD5_USER, LocalPostgres.MD5_PASSWORD)));
        assertEquals(LocalPostgres.CLEARTEXT_USER,
                Asyncio.run(whoAmI(pg, LocalPostgres.CLEARTEXT_USER, LocalPostgres.CLEARTEXT_PASSWORD)));
        assertEquals(LocalPostgres.TRUST_USER, Asyncio.run(whoAmI(pg, LocalPostgres.TRUST_USER, null)));
    }

    @Async
    static Coroutine<List<Row>> fetchOnce(LocalPostgres pg, String sql) {
        PgConnection conn = await(Sessions.connect(pg));
        try {
            return completed(await(conn.fetch(sql)));
        } finally {
            await(conn.close());
        }
    }

    @Test
    void decodesTextRowsWithNullsAndUnicode(LocalPostgres pg) {
        List<Row> rows = Asyncio.run(fetchOnce(pg,
                "SELECT x AS n, CASE WHEN x = 2 THEN NULL ELSE 'wörd ' || x END AS word, x * 1.5 AS half "
                        + "FROM generate_series(1, 3) x"));
        assertEquals(3, rows.size());
        assertEquals(List.of("n", "word", "half"), rows.get(0).columns());
        assertEquals(Map.of("n", "1", "word", "wörd 1", "half", "1.5"), rows.get(0).asMap());
        assertNull(rows.get(1).get("word"));
        assertEquals("4.5", rows.get(2).get(2));
        assertEquals("<Record n='2' word=None half='3.0'>", rows.get(1).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rows.get(0).get("nope"));
        assertEquals("no column \"nope\" in this row; its columns are [n, word, half]", e.getMessage());
    }

    @Test
    void returnsTheLastStatementsRowsAndTag(LocalPostgres pg) {
        assertEquals(List.of(), Asyncio.run(fetchOnce(pg, "SELECT 1 WHERE false")));
        assertEquals("b", Asyncio.run(fetchOnce(pg, "SELECT 'a' AS v; SELECT 'b' AS v")).get(0).get("v"));
        assertEquals(List.of(), Asyncio.run(fetchOnce(pg, "")));
    }

    @Async
    static Coroutine<List<String>> tags(LocalPostgres pg) {
        PgConnection conn = await(Sessions.connect(pg));
        try {
            List<String> out = new ArrayList<>();
            out.add(await(conn.execute("CREATE TEMP TABLE t (id int)")));
            out.add(await(conn.execute("INSERT INTO t VALUES (1), (2), (3)")));
            out.add(await(conn.execute("UPDATE t SET id = id + 1 WHERE id > 1")));
            out.add(await(conn.execute("BEGIN; DELETE FROM t; COMMIT")));
            out.add(await(conn.execute("DO $$BEGIN RAISE NOTICE 'a notice is skipped'; END$$")));
            out.add(conn.serverParameter("client_encoding"));   // from the server's ParameterStatus messages
            return completed(out);
        } finally {
            await(conn.close());
        }
    }

    @Test
    void executeReturnsCommandTags(LocalPostgres pg) {
        assertEquals(List.of("CREATE TABLE", "INSERT 0 3", "UPDATE 2", "COMMIT", "DO", "UTF8"), Asyncio.run(tags(pg)));
    }

    @Test
    void wrongPasswordIsTheServersFatalError(LocalPostgres pg) {
        PgException e = assertThrows(PgException.class, () -> Asyncio.run(Pg.connect(pg.host(), pg.port(),
                LocalPostgres.USER, "not-the-password", LocalPostgres.DATABASE)));
        assertEquals("FATAL", e.severity());
        assertEquals("28P01", e.code());
        assertEquals("password authentication failed for user \"jasyncio\"", e.serverMessage());
        assertEquals("FATAL 28P01: password authentication failed for user \"jasyncio\"", e.getMessage());
    }

    @Test
    void wrongMd5AndCleartextPasswordsAreRefusedToo(LocalPostgres pg) {
        for (String user : List.of(LocalPostgres.MD5_USER, LocalPostgres.CLEARTEXT_USER)) {
            PgException e = assertThrows(PgException.class, () -> Asyncio.run(Pg.connect(pg.host(), pg.port(),
                    user, "wrong", LocalPostgres.DATABASE)));
            assertEquals("28P01", e.code(), user);
        }
    }

    @Test
    void aMissingPasswordIsSaidBeforeTheServerSaysIt(LocalPostgres pg) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Asyncio.run(Pg.connect(
                pg.host(), pg.port(), LocalPostgres.USER, null, LocalPostgres.DATABASE)));
        assertEquals("the server asks for a password (SCRAM-SHA-256 authentication) but none was given", e.getMessage());
    }

    @Test
    void unknownDatabaseIsTheServersFatalError(LocalPostgres pg) {
        PgException e = assertThrows(PgException.class, () -> Asyncio.run(Pg.connect(pg.host(), pg.port(),
                LocalPostgres.USER, LocalPostgres.PASSWORD, "no_such_db")));
        assertEquals("FATAL", e.severity());
        assertEquals("3D000", e.code());
        assertEquals("database \"no_such_db\" does not exist", e.serverMessage());
    }

    @Test
    void nothingListeningIsAConnectError() {
        // a port that was free a moment ago: bind one, note it, let it go
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThrows(java.net.ConnectException.class, () -> Asyncio.run(Pg.connect("127.0.0.1", port, "u", "p", "d")));
    }

    /** What the connection said, in order, through an error in the middle of a result and after it. */
    @Async
    static Coroutine<List<String>> errorMidStream(LocalPostgres pg) {
        PgConnection conn = await(Sessions.connect(pg));
        List<String> seen = new ArrayList<>();
        try {
            try {
                // the server streams rows for x = 1 and 2 before x = 3 divides by zero
                await(conn.fetch("SELECT 10 / (3 - x) AS q FROM generate_series(1, 5) x"));
                seen.add("no error");
            } catch (PgException e) {
                seen.add(e.severity() + " " + e.code() + " " + e.serverMessage());
            }
            seen.add(await(conn.fetchRow("SELECT 'usable' AS s")).get("s") + " " + conn.transactionStatus());

            await(conn.execute("BEGIN"));
            try {
                await(conn.fetch("SELEC 1"));
            } catch (PgException e) {
                seen.add(e.code() + " at " + e.position() + " " + conn.transactionStatus());
            }
            try {
                await(conn.fetch("SELECT 1"));
            } catch (PgException e) {
                seen.add(e.code() + " " + conn.transactionStatus());
            }
            seen.add(await(conn.execute("ROLLBACK")) + " " + conn.transactionStatus());
        } finally {
            await(conn.close());
        }
        return completed(seen);
    }

    @Test
    void anErrorMidResultLeavesTheConnectionUsable(LocalPostgres pg) {
        assertEquals(List.of(
                "ERROR 22012 division by zero",
                "usable I",
                "42601 at 1 E",        // syntax error: the transaction block is now failed
                "25P02 E",             // "current transaction is aborted" until ROLLBACK
                "ROLLBACK I"), Asyncio.run(errorMidStream(pg)));
    }

    @Async
    static Coroutine<List<String>> concurrentOnOneConnection(LocalPostgres pg) {
        PgConnection conn = await(Sessions.connect(pg));
        try {
            List<List<Row>> results = await(gather(
                    conn.fetch("SELECT 'first' AS v FROM pg_sleep(0.05)"),
                    conn.fetch("SELECT 'second' AS v"),
                    conn.fetch("SELECT 'third' AS v")));
            List<String> out = new ArrayList<>();
            for (List<Row> r : results) {
                out.add(r.get(0).get("v"));
            }
            return completed(out);
        } finally {
            await(conn.close());
        }
    }

    @Test
    void queriesOnOneConnectionTakeTurns(LocalPostgres pg) {
        assertEquals(List.of("first", "second", "third"), Asyncio.run(concurrentOnOneConnection(pg)));
    }

    /** A 60 s query given 0.3 s; then, on the same connection, how the next query fares. */
    @Async
    static Coroutine<List<String>> timeoutThenReuse(LocalPostgres pg) {
        PgConnection conn = await(Sessions.connect(pg));
        PgConnection observer = await(Sessions.connect(pg));
        List<String> seen = new ArrayList<>();
        try {
            EventLoop loop = Asyncio.getRunningLoop();
            double start = loop.time();
            try {
                await(waitFor(conn.fetch("SELECT pg_sleep(60) /* timeout-victim */"), 0.3));
            } catch (AsyncTimeoutException e) {
                seen.add("timed out");
            }
            // only answered once the server has cancelled the 60 s sleep and the connection is idle again
            seen.add(await(waitFor(conn.fetchRow("SELECT 'next query' AS s"), 10)).get("s"));
            seen.add(loop.time() - start < 10 ? "promptly" : "after " + (loop.time() - start) + " s");
            Row state = await(observer.fetchRow("SELECT state FROM pg_stat_activity WHERE pid = " + conn.backendPid()));
            seen.add(state.get("state") + " " + conn.isClosed());
        } finally {
            await(conn.close());
            await(observer.close());
        }
        return completed(seen);
    }

    @Test
    void aCancelledQueryIsCancelledOnTheServerAndTheConnectionStaysUsable(LocalPostgres pg) {
        assertEquals(List.of("timed out", "next query", "promptly", "idle false"), Asyncio.run(timeoutThenReuse(pg)));
    }

    /** A query whose session the server ends (pg_terminate_backend): what the waiting coroutine and later uses see. */
    @Async
    static Coroutine<List<String>> terminatedMidQuery(LocalPostgres pg) {
        PgConnection conn = await(Sessions.connect(pg));
        PgConnection admin = await(Sessions.connect(pg));
        List<String> seen = new ArrayList<>();
        try {
            Task<List<Row>> query = createTask(conn.fetch("SELECT pg_sleep(60) /* terminate-victim */"));
            await(Sessions.untilRunning(admin, conn.backendPid(), "terminate-victim"));
            await(admin.fetch("SELECT pg_terminate_backend(" + conn.backendPid() + ")"));
            try {
                await(waitFor(query, 10));
            } catch (PgException e) {
                seen.add(e.severity() + " " + e.code() + " " + e.serverMessage());
            }
            seen.add("closed " + conn.isClosed());
            try {
                await(conn.fetch("SELECT 1"));
            } catch (PgConnectionLostException e) {
                seen.add(e.getMessage().replace(":" + pg.port(), ":PORT"));
            }
        } finally {
            await(conn.close());
            await(admin.close());
        }
        return completed(seen);
    }

    @Test
    void aSessionTheServerEndsMidQueryFailsClearly(LocalPostgres pg) {
        assertEquals(List.of(
                "FATAL 57P01 terminating connection due to administrator command",
                "closed true",
                "connection to 127.0.0.1:PORT is unusable: FATAL 57P01: terminating connection due to administrator command"),
                Asyncio.run(terminatedMidQuery(pg)));
    }

    // ---------------------------------------------------------------- a server that vanishes: a proxy we can cut

    /**
     * A TCP proxy in front of the server whose client sides the test can close at once. Each proxied
     * connection's future completes once both directions are done, which needs the client to have
     * closed its socket (or the proxy to have cut it): a client that leaks its socket leaves it pending.
     */
    static final class Proxy {
        final List<StreamWriter> clientSides = new ArrayList<>();
        final List<io.jasyncio.Future<Void>> finished = new ArrayList<>();
        final LocalPostgres pg;
        Server server;

        Proxy(LocalPostgres pg) {
            this.pg = pg;
        }

        @Async
        Coroutine<Void> handle(StreamReader clientReader, StreamWriter clientWriter) {
            clientSides.add(clientWriter);
            io.jasyncio.Future<Void> done = Asyncio.getRunningLoop().createFuture();
            finished.add(done);
            StreamPair upstream = await(openConnection(pg.host(), pg.port()));
            try {
                await(gather(true, pipe(clientReader, upstream.writer()), pipe(upstream.reader(), clientWriter)));
            } finally {
                upstream.writer().close();
                clientWriter.close();
                done.setResult(null);
            }
            return completed();
        }

        @Async
        static Coroutine<Void> pipe(StreamReader from, StreamWriter to) {
            while (true) {
                byte[] chunk = await(from.read(64 * 1024));
                if (chunk.length == 0 || to.isClosing()) {
                    break;
                }
                to.write(chunk);
                await(to.drain());
            }
            to.close();
            return completed();
        }

        /** The server "goes away": every client connection is closed under the client. */
        void cut() {
            clientSides.forEach(StreamWriter::close);
        }

        int port() {
            return ((InetSocketAddress) server.localAddress()).getPort();
        }
    }

    @Async
    static Coroutine<List<String>> vanishingServer(LocalPostgres pg) {
        Proxy proxy = new Proxy(pg);
        proxy.server = await(startServer(proxy::handle, "127.0.0.1", 0));
        PgConnection admin = await(Sessions.connect(pg));
        List<String> seen = new ArrayList<>();
        try {
            PgConnection conn = await(Pg.connect("127.0.0.1", proxy.port(), LocalPostgres.USER, LocalPostgres.PASSWORD,
                    LocalPostgres.DATABASE));
            Task<List<Row>> query = createTask(conn.fetch("SELECT pg_sleep(60) /* vanish-victim */"));
            await(Sessions.untilRunning(admin, conn.backendPid(), "vanish-victim"));
            proxy.cut();
            try {
                await(waitFor(query, 10));
            } catch (PgConnectionLostException e) {
                seen.add(e.getMessage().replace(":" + proxy.port(), ":PORT").replaceAll(" \\(.*\\)$", ""));
            }
            try {
                await(conn.fetch("SELECT 1"));
            } catch (PgConnectionLostException e) {
                seen.add("then: " + e.getMessage().replace(":" + proxy.port(), ":PORT").replaceAll(": server .*", ""));
            }
            await(conn.close());
            seen.add("closed " + conn.isClosed());
        } finally {
            await(admin.close());
            proxy.cut();
            proxy.server.close();
            await(proxy.server.waitClosed());
        }
        return completed(seen);
    }

    @Test
    void aServerThatVanishesMidQueryFailsTheQueryAtOnce(LocalPostgres pg) {
        assertEquals(List.of(
                "server 127.0.0.1:PORT closed the connection unexpectedly",
                "then: connection to 127.0.0.1:PORT is unusable",
                "closed true"), Asyncio.run(vanishingServer(pg)));
    }

    /** Refused logins and a closed connection, through the proxy: does the client let go of each socket? */
    @Async
    static Coroutine<List<String>> socketsLetGo(LocalPostgres pg) {
        Proxy proxy = new Proxy(pg);
        proxy.server = await(startServer(proxy::handle, "127.0.0.1", 0));
        List<String> seen = new ArrayList<>();
        try {
            try {
                await(Pg.connect("127.0.0.1", proxy.port(), LocalPostgres.USER, "wrong", LocalPostgres.DATABASE));
            } catch (PgException e) {
                seen.add(e.code());
            }
            try {
                await(Pg.connect("127.0.0.1", proxy.port(), LocalPostgres.USER, LocalPostgres.PASSWORD, "no_such_db"));
            } catch (PgException e) {
                seen.add(e.code());
            }
            try {
                await(Pg.connect("127.0.0.1", proxy.port(), LocalPostgres.USER, null, LocalPostgres.DATABASE));
            } catch (IllegalArgumentException e) {
                seen.add("no password");
            }
            PgConnection conn = await(Pg.connect("127.0.0.1", proxy.port(), LocalPostgres.USER, LocalPostgres.PASSWORD,
                    LocalPostgres.DATABASE));
            await(conn.close());
            seen.add("closed");
            List<io.jasyncio.Future<Void>> all = new ArrayList<>(proxy.finished);
            await(waitFor(gather(all), 10));   // every proxied socket was closed by the client
            seen.add(all.size() + " sockets closed");
        } finally {
            proxy.cut();   // ends any proxied connection the client left open, so the server can close
            proxy.server.close();
            await(proxy.server.waitClosed());
        }
        return completed(seen);
    }

    @Test
    void refusedLoginsAndClosedConnectionsLeaveNoSocketOpen(LocalPostgres pg) {
        assertEquals(List.of("28P01", "3D000", "no password", "closed", "4 sockets closed"), Asyncio.run(socketsLetGo(pg)));
    }

    /** Accepts connections and never answers; completes {@code letGo} when the client closes its socket. */
    @Async
    static Coroutine<Void> silent(StreamReader reader, StreamWriter writer, List<StreamWriter> accepted,
                                  io.jasyncio.Future<Void> letGo) {
        accepted.add(writer);
        await(reader.read(-1));   // everything the client sends, until it closes
        writer.close();
        if (!letGo.isDone()) {
            letGo.setResult(null);
        }
        return completed();
    }

    @Async
    static Coroutine<List<String>> neverAnswers() {
        io.jasyncio.Future<Void> letGo = Asyncio.getRunningLoop().createFuture();
        List<StreamWriter> accepted = new ArrayList<>();
        Server silentServer = await(startServer((r, w) -> silent(r, w, accepted, letGo), "127.0.0.1", 0));
        int port = ((InetSocketAddress) silentServer.localAddress()).getPort();
        List<String> seen = new ArrayList<>();
        try {
            try {
                await(Pg.connect("127.0.0.1", port, "u", "p", "d", 0.3));
            } catch (AsyncTimeoutException e) {
                seen.add("connect timed out");
            }
            await(waitFor(letGo, 10));
            seen.add("socket closed");
        } finally {
            accepted.forEach(StreamWriter::close);   // if the client leaked its socket, end it here
            silentServer.close();
            await(silentServer.waitClosed());
        }
        return completed(seen);
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndTheSocketIsClosed() {
        assertEquals(List.of("connect timed out", "socket closed"), Asyncio.run(neverAnswers()));
    }

    @Async
    static Coroutine<List<String>> useAfterClose(LocalPostgres pg) {
        PgConnection conn = await(Sessions.connect(pg));
        await(conn.close());
        await(conn.close());   // idempotent
        List<String> seen = new ArrayList<>();
        try {
            await(conn.fetch("SELECT 1"));
        } catch (PgConnectionLostException e) {
            seen.add(e.getMessage().replace(":" + pg.port(), ":PORT"));
        }
        return completed(seen);
    }

    @Test
    void aClosedConnectionSaysSo(LocalPostgres pg) {
        assertEquals(List.of("connection to 127.0.0.1:PORT is closed"), Asyncio.run(useAfterClose(pg)));
    }

    /** Cancelling a task that waits on a query behaves like a timeout: the connection comes back clean. */
    @Async
    static Coroutine<List<String>> cancelTask(LocalPostgres pg) {
        PgConnection conn = await(Sessions.connect(pg));
        PgConnection admin = await(Sessions.connect(pg));
        List<String> seen = new ArrayList<>();
        try {
            Task<List<Row>> query = createTask(conn.fetch("SELECT pg_sleep(60) /* cancel-victim */"));
            await(Sessions.untilRunning(admin, conn.backendPid(), "cancel-victim"));
            query.cancel();
            try {
                await(query);
            } catch (CancellationException e) {
                seen.add("cancelled");
            }
            seen.add(await(waitFor(conn.fetchRow("SELECT 'ok' AS s"), 10)).get("s"));
        } finally {
            await(conn.close());
            await(admin.close());
        }
        return completed(seen);
    }

    @Test
    void cancellingTheWaitingTaskCancelsTheQuery(LocalPostgres pg) {
        assertEquals(List.of("cancelled", "ok"), Asyncio.run(cancelTask(pg)));
    }
}
