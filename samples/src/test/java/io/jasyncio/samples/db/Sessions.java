package io.jasyncio.samples.db;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.sleep;
import static io.jasyncio.Asyncio.waitFor;

/** What the database tests ask the server about other sessions, through a connection of their own. */
final class Sessions {
    private Sessions() {
    }

    /** A SCRAM login to the test database. */
    static Coroutine<PgConnection> connect(LocalPostgres pg) {
        return Pg.connect(pg.host(), pg.port(), LocalPostgres.USER, LocalPostgres.PASSWORD, LocalPostgres.DATABASE);
    }

    /**
     * Waits (at most 10 s) until the server reports backend {@code pid} running a query that mentions
     * {@code marker}: the moment to cancel it or pull the connection from under it.
     */
    @Async
    static Coroutine<Void> untilRunning(PgConnection observer, int pid, String marker) {
        await(waitFor(poll(observer, pid, marker), 10));
        return completed();
    }

    @Async
    private static Coroutine<Void> poll(PgConnection observer, int pid, String marker) {
        while (true) {
            Row r = await(observer.fetchRow("SELECT state, query FROM pg_stat_activity WHERE pid = " + pid));
            if (r != null && "active".equals(r.get("state")) && r.get("query").contains(marker)) {
                return completed();
            }
            await(sleep(0.01));   // the server has no "tell me when it starts": ask again
        }
    }

    /**
     * Waits (at most 10 s) until the server has no session with this application_name: a client's
     * close returns before the server process has exited.
     */
    @Async
    static Coroutine<Void> untilGone(PgConnection observer, String applicationName) {
        await(waitFor(pollGone(observer, applicationName), 10));
        return completed();
    }

    @Async
    private static Coroutine<Void> pollGone(PgConnection observer, String applicationName) {
        while (await(count(observer, applicationName)) > 0) {
            await(sleep(0.01));
        }
        return completed();
    }

    /** How many sessions the server has with this application_name. */
    @Async
    static Coroutine<Integer> count(PgConnection observer, String applicationName) {
        Row r = await(observer.fetchRow("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = '"
                + applicationName + "'"));
        return completed(Integer.parseInt(r.get("n")));
    }
}
