package io.jasyncio.samples.db;

import io.jasyncio.Async;
import io.jasyncio.AsyncTimeoutException;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import java.sql.SQLException;
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
import static io.jasyncio.Asyncio.sleep;
import static io.jasyncio.Asyncio.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain JDBC off the loop, against a real server: sharing, cancellation, a dropped connection, close. */
@ExtendWith(PostgresExtension.class)
// a hung coroutine fails its test instead of hanging the build (the same-thread mode only reports afterwards)
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JdbcPoolTest {
    /** A pool whose sessions the server shows under their own application_name, apart from other tests'. */
    private static JdbcPool pool(LocalPostgres pg, int size, String applicationName) {
        return new JdbcPool(pg.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD, size, applicationName);
    }

    private static JdbcPool pool(LocalPostgres pg, int size) {
        return pool(pg, size, "jasyncio-test");
    }

    /** What the many-clients run saw: answers, peak, sessions on the server, loop stalls. */
    record Burst(List<Integer> answers, int peakBusy, int opened, int serverSessions, double longestStall) {
    }

    @Async
    static Coroutine<Integer> client(JdbcPool pool, int n) {
        List<Map<String, Object>> rows = await(pool.query("SELECT ?::int * 2 AS doubled FROM pg_sleep(0.005)", n));
        return completed((Integer) rows.get(0).get("doubled"));
    }

    /** Measures, while the burst runs, the longest time the loop took to come back to a 5 ms sleeper. */
    @Async
    static Coroutine<Double> heartbeat(double[] stop) {
        EventLoop loop = Asyncio.getRunningLoop();
        double longest = 0;
        while (stop[0] == 0) {
            double before = loop.time();
            await(sleep(0.005));
            longest = Math.max(longest, loop.time() - before - 0.005);
        }
        return completed(longest);
    }

    @Async
    static Coroutine<Burst> burst(LocalPostgres pg, int clients) {
        JdbcPool pool = pool(pg, 4, "burst");
        PgConnection observer = await(Sessions.connect(pg));
        try {
            double[] stop = {0};
            Task<Double> beat = createTask(heartbeat(stop));
            List<Coroutine<Integer>> all = new ArrayList<>();
            for (int n = 0; n < clients; n++) {
                all.add(client(pool, n));
            }
            List<Integer> answers = await(gather(all));
            stop[0] = 1;
            double stall = await(beat);
            int sessions = await(Sessions.count(observer, "burst"));
            return completed(new Burst(answers, pool.peakBusy(), pool.connectionsOpened(), sessions, stall));
        } finally {
            await(pool.close());
            await(observer.close());
        }
    }

    @Test
    void hundredsOfCoroutinesShareFourConnectionsWithoutBlockingTheLoop(LocalPostgres pg) {
        Burst b = Asyncio.run(burst(pg, 300));
        List<Integer> expected = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            expected.add(2 * n);
        }
        assertEquals(expected, b.answers());       // each coroutine got its own answer, in gather order
        assertEquals(4, b.peakBusy());             // never more than the pool's connections at once...
        assertEquals(4, b.opened());               // ...opened once each and reused
        assertEquals(4, b.serverSessions());       // and the server saw exactly those four sessions
        // the JDBC calls blocked only the workers: the loop kept serving a 5 ms sleeper (generous bound
        // for a loaded machine; a loop that ran the 300 queries itself would stall for over a second)
        assertTrue(b.longestStall() < 0.5, "the loop stalled for " + b.longestStall() + " s");
    }

    @Async
    static Coroutine<List<String>> timeoutThenReuse(LocalPostgres pg) {
        JdbcPool pool = pool(pg, 1);
        List<String> seen = new ArrayList<>();
        try {
            EventLoop loop = Asyncio.getRunningLoop();
            double start = loop.time();
            try {
                await(waitFor(pool.query("SELECT pg_sleep(60)"), 0.3));
            } catch (AsyncTimeoutException e) {
                seen.add("timed out");
            }
            // one connection: this runs only once the 60 s statement has been cancelled on the server
            Map<String, Object> row = await(waitFor(pool.query("SELECT 42 AS answer"), 10)).get(0);
            seen.add("answer " + row.get("answer"));
            seen.add(loop.time() - start < 10 ? "promptly" : "after " + (loop.time() - start) + " s");
            seen.add("busy " + pool.busy() + ", opened " + pool.connectionsOpened());
        } finally {
            await(pool.close());
        }
        return completed(seen);
    }

    @Test
    void aTimedOutQueryIsCancelledOnTheServerAndItsConnectionReturned(LocalPostgres pg) {
        assertEquals(List.of("timed out", "answer 42", "promptly", "busy 0, opened 1"), Asyncio.run(timeoutThenReuse(pg)));
    }

    /** One connection held by a statement waiting on a lock; a second query in line is cancelled. */
    @Async
    static Coroutine<List<String>> cancelInLine(LocalPostgres pg) {
        JdbcPool pool = pool(pg, 1);
        PgConnection locker = await(Sessions.connect(pg));
        List<String> seen = new ArrayList<>();
        try {
            await(pool.update("CREATE TABLE IF NOT EXISTS in_line (note text)"));
            await(pool.update("TRUNCATE in_line"));
            await(locker.execute("SELECT pg_advisory_lock(7)"));
            Task<Integer> holder = createTask(pool.update("INSERT INTO in_line SELECT 'holder' FROM pg_advisory_xact_lock(7)"));
            Task<Integer> waiter = createTask(pool.update("INSERT INTO in_line VALUES ('waiter')"));
            await(sleep(0));   // both start: the holder takes the only connection, the waiter queues for it
            seen.add("busy " + pool.busy());
            waiter.cancel();
            try {
                await(waiter);
            } catch (CancellationException e) {
                seen.add("waiter cancelled");
            }
            await(locker.execute("SELECT pg_advisory_unlock(7)"));
            seen.add("holder inserted " + await(waitFor(holder, 10)));
            for (Map<String, Object> r : await(pool.query("SELECT note FROM in_line ORDER BY note"))) {
                seen.add("row " + r.get("note"));
            }
            seen.add("busy " + pool.busy());
        } finally {
            await(locker.close());
            await(pool.close());
        }
        return completed(seen);
    }

    @Test
    void aQueryCancelledWhileWaitingForAConnectionNeverRuns(LocalPostgres pg) {
        assertEquals(List.of("busy 1", "waiter cancelled", "holder inserted 1", "row holder", "busy 0"),
                Asyncio.run(cancelInLine(pg)));
    }

    /** The server ends the pool connection's session mid-query. */
    @Async
    static Coroutine<List<String>> droppedConnection(LocalPostgres pg) {
        JdbcPool pool = pool(pg, 1);
        PgConnection admin = await(Sessions.connect(pg));
        List<String> seen = new ArrayList<>();
        try {
            int pid = (Integer) await(pool.query("SELECT pg_backend_pid() AS pid")).get(0).get("pid");
            Task<List<Map<String, Object>>> query = createTask(pool.query("SELECT pg_sleep(60) /* jdbc-victim */"));
            await(Sessions.untilRunning(admin, pid, "jdbc-victim"));
            await(admin.execute("SELECT pg_terminate_backend(" + pid + ")"));
            try {
                await(waitFor(query, 10));
            } catch (Exception e) {   // await rethrows the driver's checked SQLException as it is
                seen.add(e instanceof SQLException sql ? "failed: " + sql.getSQLState() : "failed: " + e);
            }
            int newPid = (Integer) await(waitFor(pool.query("SELECT pg_backend_pid() AS pid"), 10)).get(0).get("pid");
            seen.add(newPid != pid ? "next query on a new session" : "same session?");
            seen.add("opened " + pool.connectionsOpened() + ", busy " + pool.busy());
        } finally {
            await(admin.close());
            await(pool.close());
        }
        return completed(seen);
    }

    @Test
    void aConnectionTheServerDropsIsReplaced(LocalPostgres pg) {
        assertEquals(List.of("failed: 57P01", "next query on a new session", "opened 2, busy 0"),
                Asyncio.run(droppedConnection(pg)));
    }

    @Async
    static Coroutine<List<String>> closeWaitsForCancelled(LocalPostgres pg) {
        JdbcPool pool = pool(pg, 2, "close-test");
        PgConnection observer = await(Sessions.connect(pg));
        List<String> seen = new ArrayList<>();
        try {
            try {
                await(waitFor(pool.query("SELECT pg_sleep(60)"), 0.2));
            } catch (AsyncTimeoutException e) {
                seen.add("timed out");
            }
            await(waitFor(pool.close(), 10));   // waits for the cancelled statement's worker, then closes all
            seen.add("closed, busy " + pool.busy());
            await(Sessions.untilGone(observer, "close-test"));   // fails the test if a session stays
            seen.add("no server sessions left");
            try {
                await(pool.query("SELECT 1"));
            } catch (IllegalStateException e) {
                seen.add(e.getMessage());
            }
        } finally {
            await(observer.close());
        }
        return completed(seen);
    }

    @Test
    void closeWaitsForCancelledStatementsAndLeavesNoSessions(LocalPostgres pg) {
        assertEquals(List.of("timed out", "closed, busy 0", "no server sessions left", "this JdbcPool is closed"),
                Asyncio.run(closeWaitsForCancelled(pg)));
    }

    @Test
    void aWrongPasswordIsTheDriversError(LocalPostgres pg) {
        JdbcPool bad = new JdbcPool(pg.jdbcUrl(), LocalPostgres.USER, "wrong", 1);
        SQLException e = assertThrows(SQLException.class, () -> Asyncio.run(bad.query("SELECT 1")));
        assertEquals("28P01", e.getSQLState());
        Asyncio.run(bad.close());
        assertEquals(0, bad.busy());
    }

    @Test
    void aPoolNeedsAConnection() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JdbcPool("jdbc:postgresql://127.0.0.1/x", "u", "p", 0));
        assertEquals("pool size must be at least 1, got 0", e.getMessage());
    }
}
