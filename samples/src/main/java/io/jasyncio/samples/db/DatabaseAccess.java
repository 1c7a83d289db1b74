package io.jasyncio.samples.db;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import java.util.List;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

/**
 * Seed 002, §7.2: asyncpg's connect / fetch / close, on jasyncio's own streams: the client in this
 * package speaks PostgreSQL's protocol itself, so waiting for the server suspends the coroutine and
 * no thread blocks. The seed's {@code SELECT * FROM table} reads a small {@code items} table here.
 */
public final class DatabaseAccess {
    private DatabaseAccess() {
    }

    @Async
    public static Coroutine<List<Row>> fetchData(String host, int port) {
        PgConnection conn = await(Pg.connect(host, port, LocalPostgres.USER, LocalPostgres.PASSWORD, LocalPostgres.DATABASE));
        try {
            List<Row> result = await(conn.fetch("SELECT * FROM items ORDER BY id"));
            return completed(result);
        } finally {
            await(conn.close());
        }
    }

    /** Makes the table the seed reads (the seed assumes one exists). */
    @Async
    public static Coroutine<Void> createItems(String host, int port) {
        PgConnection conn = await(Pg.connect(host, port, LocalPostgres.USER, LocalPostgres.PASSWORD, LocalPostgres.DATABASE));
        try {
            await(conn.execute("""
                    CREATE TABLE IF NOT EXISTS items (id int PRIMARY KEY, name text NOT NULL, price numeric(6, 2));
                    INSERT INTO items VALUES (1, 'apple', 0.50), (2, 'pear', 0.75), (3, '西瓜', NULL)
                        ON CONFLICT (id) DO NOTHING"""));
        } finally {
            await(conn.close());
        }
        return completed();
    }

    /** Against a server of one's own: creates the table, then runs the seed's fetch_data. */
    public static void run(String host, int port) {
        Asyncio.run(createItems(host, port));
        List<Row> rows = Asyncio.run(fetchData(host, port));
        rows.forEach(System.out::println);
    }

    /** Starts a throwaway cluster (scripts/postgres.sh), runs the example against it, removes it. */
    public static void main(String[] args) throws Exception {
        try (LocalPostgres pg = LocalPostgres.start()) {
            run(pg.host(), pg.port());
        }
    }
}
