package io.jasyncio.samples.minidb;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.StreamPair;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.openConnection;

/** asyncpg's connection, for {@link MiniDatabase}: connect, fetch rows, close; each a coroutine. */
public final class Connection {
    private final StreamPair stream;

    private Connection(StreamPair stream) {
        this.stream = stream;
    }

    /** Python's {@code await asyncpg.connect(user=..., password=..., database=..., host=...)}. */
    @Async
    public static Coroutine<Connection> connect(String user, String password, String database, String host, int port) {
        StreamPair stream = await(openConnection(host, port));
        Connection conn = new Connection(stream);
        String answer = await(conn.command("AUTH " + user + " " + password + " " + database));
        if (!answer.equals("OK")) {
            stream.writer().close();
            throw new IllegalStateException(answer.substring("ERR ".length()));
        }
        return completed(conn);
    }

    /** The rows of the query: every value comes back as text, as the toy protocol carries it. */
    @Async
    public Coroutine<List<Record>> fetch(String sql) {
        List<Record> rows = new ArrayList<>();
        for (String line = await(command("QUERY " + sql)); !line.startsWith("END "); line = await(nextLine())) {
            if (line.startsWith("ERR ")) {
                throw new IllegalStateException(line.substring(4));
            }
            Map<String, Object> columns = new LinkedHashMap<>();
            for (String cell : line.substring("ROW ".length()).split("\t")) {
                int eq = cell.indexOf('=');
                String value = cell.substring(eq + 1);
                columns.put(cell.substring(0, eq), value.matches("-?\\d+") ? (Object) Long.valueOf(value) : value);
            }
            rows.add(new Record(columns));
        }
        return completed(rows);
    }

    @Async
    public Coroutine<Void> close() {
        stream.writer().write("QUIT\n".getBytes(StandardCharsets.UTF_8));
        await(stream.writer().drain());
        stream.writer().close();
        return completed();
    }

    @Async
    private Coroutine<String> command(String text) {
        stream.writer().write((text + "\n").getBytes(StandardCharsets.UTF_8));
        await(stream.writer().drain());
        return nextLine();
    }

    @Async
    private Coroutine<String> nextLine() {
        byte[] line = await(stream.reader().readLine());
        if (line.length == 0) {
            throw new IllegalStateException("the database closed the connection");
        }
        return completed(new String(line, StandardCharsets.UTF_8).strip());
    }
}
