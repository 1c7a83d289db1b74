package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import io.jasyncio.samples.Run;
import io.jasyncio.samples.minidb.Connection;
import io.jasyncio.samples.minidb.MiniDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AsyncDatabaseTest {
    @Test
    void fetchesTheTableAsRecords() {
        Run.Result run = Run.virtual(AsyncDatabase.main());
        assertEquals(List.of("[<Record id=1 name='alice'>, <Record id=2 name='bob'>]"), run.lines());
    }

    @Async
    static Coroutine<String> attempt(String password, String sql) {
        MiniDatabase db = AsyncDatabase.database();
        int port = await(db.start("127.0.0.1", 0));
        try {
            Connection conn = await(Connection.connect("user", password, "db", "127.0.0.1", port));
            try {
                return completed(String.valueOf(await(conn.fetch(sql))));
            } finally {
                await(conn.close());
            }
        } finally {
            await(db.stop());
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (EventLoop loop = new EventLoop(new VirtualClock())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> loop.runUntilComplete(attempt("wrong", "SELECT * FROM table")));
            assertEquals("password authentication failed for user \"user\"", e.getMessage());
        }
    }

    @Test
    void anUnknownTableIsAnError() {
        try (EventLoop loop = new EventLoop(new VirtualClock())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> loop.runUntilComplete(attempt("pass", "SELECT * FROM nothing")));
            assertEquals("cannot run: SELECT * FROM nothing", e.getMessage());
        }
    }
}
