package io.jasyncio.samples.minidb;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Server;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.startServer;

/**
 * A toy database server on the loop's streams, standing in for the PostgreSQL server of seed 002's
 * asyncpg example. Its line protocol: {@code AUTH user password database}, then any number of
 * {@code QUERY SELECT * FROM name} (answered by {@code ROW col=value<TAB>...} lines and {@code END n}),
 * then {@code QUIT}. Errors are {@code ERR message}.
 */
public final class MiniDatabase {
    private final String user;
    private final String password;
    private final String database;
    private final Map<String, List<Record>> tables;
    private Server server;

    public MiniDatabase(String user, String password, String database, Map<String, List<Record>> tables) {
        this.user = user;
        this.password = password;
        this.database = database;
        this.tables = tables;
    }

    /** Starts listening; returns the port. */
    @Async
    public Coroutine<Integer> start(String host, int port) {
        server = await(startServer(this::session, host, port));
        return completed(server.localAddress().getPort());
    }

    @Async
    public Coroutine<Void> stop() {
        server.close();
        await(server.waitClosed());
        return completed();
    }

    @Async
    private Coroutine<Void> session(StreamReader reader, StreamWriter writer) {
        try {
            String[] auth = text(await(reader.readLine())).split(" ");
            if (auth.length != 4 || !auth[0].equals("AUTH") || !auth[1].equals(user) || !auth[2].equals(password)
                    || !auth[3].equals(database)) {
                reply(writer, "ERR password authentication failed for user \"" + (auth.length > 1 ? auth[1] : "") + "\"");
                return completed();
            }
            reply(writer, "OK");
            for (String command; !(command = text(await(reader.readLine()))).isEmpty() && !command.equals("QUIT"); ) {
                if (!command.startsWith("QUERY ")) {
                    reply(writer, "ERR unknown command");
                    continue;
                }
                String sql = command.substring("QUERY ".length()).trim();
                String prefix = "SELECT * FROM ";
                List<Record> rows = sql.toUpperCase(Locale.ROOT).startsWith(prefix)
                        ? tables.get(sql.substring(prefix.length()).trim()) : null;
                if (rows == null) {
                    reply(writer, "ERR cannot run: " + sql);
                    continue;
                }
                StringBuilder out = new StringBuilder();
                for (Record row : rows) {
                    out.append("ROW");
                    String sep = " ";
                    for (Map.Entry<String, Object> c : row.columns().entrySet()) {
                        out.append(sep).append(c.getKey()).append('=').append(c.getValue());
                        sep = "\t";
                    }
                    out.append('\n');
                }
                out.append("END ").append(rows.size());
                reply(writer, out.toString());
                await(writer.drain());
            }
        } finally {
            writer.close();
        }
        return completed();
    }

    private static void reply(StreamWriter writer, String text) {
        writer.write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8).strip();
    }
}
