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
class DatabaseAccessTest {
    @Test
    void fetchDataReadsTheTableAndClosesTheConnection(LocalPostgres pg) {
        List<String> lines = Run.captured(() -> DatabaseAccess.run(pg.host(), pg.port()));
        assertEquals(List.of(
                "<Record id='1' name='apple' price='0.50'>",
                "<Record id='2' name='pear' price='0.75'>",
                "<Record id='3' name='西瓜' price=None>"), lines);
    }
}
