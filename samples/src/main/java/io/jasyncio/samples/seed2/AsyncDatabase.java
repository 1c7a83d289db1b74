package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.samples.Py;
import io.jasyncio.samples.minidb.Connection;
import io.jasyncio.samples.minidb.MiniDatabase;
import io.jasyncio.samples.minidb.Record;
import java.util.List;
import java.util.Map;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

/**
 * Seed 002, §7.2 "异步数据库访问": connect, fetch, and close in a finally block, every step awaited.
 * PostgreSQL is played by {@link MiniDatabase}, a toy server on the same loop, holding a table named
 * {@code table}.
 */
public final class AsyncDatabase {
    private AsyncDatabase() {
    }

    @Async
    public static Coroutine<List<Record>> fetchData(String host, int port) {
        Connection conn = await(Connection.connect("user", "pass", "db", host, port));
        try {
            List<Record> result = await(conn.fetch("SELECT * FROM table"));
            return completed(result);
        } finally {
            await(conn.close());
        }
    }

    /** The database the seed connects to. */
    public static MiniDatabase database() {
        return new MiniDatabase("user", "pass", "db", Map.of("table", List.of(
                new Record(Py.dict("id", 1L, "name", "alice")),
                new Record(Py.dict("id", 2L, "name", "bob")))));
    }

    @Async
    public static Coroutine<List<Record>> main() {
        MiniDatabase db = database();
        int port = await(db.start("127.0.0.1", 0));
        List<Record> rows = await(fetchData("127.0.0.1", port));
        System.out.println(rows);
        await(db.stop());
        return completed(rows);
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
