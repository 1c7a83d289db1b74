package io.jasyncio.samples.db;

import io.jasyncio.AsyncTimeoutException;
import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.waitFor;

/**
 * A blocking driver (plain JDBC) used from coroutines: every call runs on one of a few worker
 * threads that each own a connection ({@link JdbcPool}), so many coroutines share a small pool and
 * the loop never blocks. A query that times out is cancelled on the server and its connection
 * comes back to the pool.
 */
public final class JdbcOffTheLoop {
    private JdbcOffTheLoop() {
    }

    /** One client: a short query (10 ms on the server) that doubles its number. */
    @Async
    static Coroutine<Integer> client(JdbcPool pool, int n) {
        List<Map<String, Object>> rows = await(pool.query("SELECT ?::int * 2 AS doubled FROM pg_sleep(0.01)", n));
        return completed((Integer) rows.get(0).get("doubled"));
    }

    @Async
    public static Coroutine<Void> main(JdbcPool pool, int clients) {
        List<Coroutine<Integer>> all = new ArrayList<>();
        for (int n = 0; n < clients; n++) {
            all.add(client(pool, n));
        }
        List<Integer> doubled = await(gather(all));
        long sum = doubled.stream().mapToLong(Integer::longValue).sum();
        System.out.println(clients + " coroutines, " + pool.size() + " connections: " + doubled.size()
                + " answers, sum " + sum + ", at most " + pool.peakBusy() + " queries at once");

        try {
            await(waitFor(pool.query("SELECT pg_sleep(60)"), 0.5));
        } catch (AsyncTimeoutException e) {
            System.out.println("a 60 s query timed out after 0.5 s: cancelled on the server");
        }
        List<Map<String, Object>> after = await(pool.query("SELECT 'pool still works' AS status"));
        System.out.println(after.get(0).get("status"));
        return completed();
    }

    @Async
    static Coroutine<Void> runAndClose(JdbcPool pool, int clients) {
        try {
            await(main(pool, clients));
        } finally {
            await(pool.close());
        }
        return completed();
    }

    /** Against a server of one's own: 200 coroutines over 4 connections. */
    public static void run(String jdbcUrl) {
        Asyncio.run(runAndClose(new JdbcPool(jdbcUrl, LocalPostgres.USER, LocalPostgres.PASSWORD, 4), 200));
    }

    /** Starts a throwaway cluster (scripts/postgres.sh), runs the example against it, removes it. */
    public static void main(String[] args) throws Exception {
        try (LocalPostgres pg = LocalPostgres.start()) {
            run(pg.jdbcUrl());
        }
    }
}
