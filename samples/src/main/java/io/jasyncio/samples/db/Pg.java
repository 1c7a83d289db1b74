package io.jasyncio.samples.db;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.StreamPair;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.openConnection;
import static io.jasyncio.Asyncio.waitFor;

/**
 * A small PostgreSQL client on jasyncio's own streams, shaped like asyncpg:
 * <pre>{@code
 * PgConnection conn = await(Pg.connect("127.0.0.1", 5432, "user", "pass", "db"));
 * try {
 *     List<Row> rows = await(conn.fetch("SELECT * FROM items"));
 * } finally {
 *     await(conn.close());
 * }
 * }</pre>
 * It logs in with whatever the server's pg_hba.conf asks for among trust, cleartext password, md5 and
 * SCRAM-SHA-256, over plain TCP (no TLS).
 */
public final class Pg {
    /** asyncpg's default connect timeout. */
    public static final double DEFAULT_CONNECT_TIMEOUT = 60;

    private Pg() {
    }

    /** Connects and logs in, within {@link #DEFAULT_CONNECT_TIMEOUT} seconds. */
    public static Coroutine<PgConnection> connect(String host, int port, String user, String password, String database) {
        return connect(host, port, user, password, database, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * Connects and logs in. Throws {@link PgException} when the server refuses (28P01 wrong password,
     * 3D000 no such database, 28000 no pg_hba.conf entry...), {@code AsyncTimeoutException} when it
     * takes longer than {@code timeoutSeconds}; either way no connection is left open.
     */
    public static Coroutine<PgConnection> connect(String host, int port, String user, String password, String database,
                                                  double timeoutSeconds) {
        return waitFor(open(host, port, user, password, database), timeoutSeconds);
    }

    @Async
    private static Coroutine<PgConnection> open(String host, int port, String user, String password, String database) {
        StreamPair streams = await(openConnection(host, port));
        PgConnection conn = new PgConnection(host, port, streams);
        boolean ok = false;
        try {
            await(conn.startup(user, password, database));
            ok = true;
        } finally {
            if (!ok) {
                streams.writer().close();   // refused, broken or cancelled: leave nothing open
            }
        }
        return completed(conn);
    }
}
