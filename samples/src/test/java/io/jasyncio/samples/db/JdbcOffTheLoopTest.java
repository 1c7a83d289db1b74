package io.jasyncio.samples.db;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(PostgresExtension.class)
// a hung coroutine fails its test instead of hanging the build (the same-thread mode only reports afterwards)
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JdbcOffTheLoopTest {
    @Test
    void twoHundredCoroutinesOverFourConnectionsThenATimeout(LocalPostgres pg) {
        List<String> lines = Run.captured(() -> JdbcOffTheLoop.run(pg.jdbcUrl()));
        assertEquals(List.of(
                "200 coroutines, 4 connections: 200 answers, sum 39800, at most 4 queries at once",
                "a 60 s query timed out after 0.5 s: cancelled on the server",
                "pool still works"), lines);
    }
}
