package io.jasyncio.samples.db;

import io.jasyncio.Acquired;
import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Lock;
import io.jasyncio.StreamPair;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.openConnection;
import static io.jasyncio.Asyncio.waitFor;

/**
 * One session with a PostgreSQL server over jasyncio's streams, speaking protocol v3 (simple query,
 * text results): asyncpg's {@code Connection}. Open one with {@link Pg#connect}. Queries on one
 * connection run one at a time, in the order they were made.
 * <p>
 * Cancelling a coroutine that waits on a query (or a {@code waitFor} running out) asks the server to
 * cancel that query, then reads what is left of its answer in the background: the next query on the
 * connection waits for that, and the connection stays usable. An ERROR from the server is thrown as a
 * {@link PgException} once the server is ready again, so it leaves the connection usable too. When
 * the connection breaks (FATAL error, server gone), every use after that throws
 * {@link PgConnectionLostException}.
 */
public final class PgConnection {
    /** A message longer than this is taken as a protocol error, not as a reason to allocate. */
    private static final int MAX_MESSAGE = 1 << 30;
    /** How long cleaning up after a cancelled query may take before the connection is given up. */
    private static final double CANCEL_CLEANUP_SECONDS = 10;

    private final String host;
    private final int port;
    private final StreamReader reader;
    private final StreamWriter writer;
    private final Lock inUse = new Lock();   // the protocol is one exchange at a time
    private final Map<String, String> parameters = new HashMap<>();
    private int backendPid;
    private int secretKey;
    private char transactionStatus = 'I';
    private RuntimeException broken;          // why the connection is unusable, once it is
    private boolean closed;

    PgConnection(String host, int port, StreamPair streams) {
        this.host = host;
        this.port = port;
        this.reader = streams.reader();
        this.writer = streams.writer();
    }

    /** Runs the query and returns the rows of its last statement that returned rows (asyncpg's {@code fetch}). */
    @Async
    public Coroutine<List<Row>> fetch(String sql) {
        Result result = await(simpleQuery(sql));
        return completed(result.rows);
    }

    /** The first row, or null if there is none (asyncpg's {@code fetchrow}). */
    @Async
    public Coroutine<Row> fetchRow(String sql) {
        List<Row> rows = await(fetch(sql));
        return completed(rows.isEmpty() ? null : rows.get(0));
    }

    /** Runs one or more statements and returns the last one's command tag, e.g. {@code INSERT 0 1} (asyncpg's {@code execute}). */
    @Async
    public Coroutine<String> execute(String sql) {
        Result result = await(simpleQuery(sql));
        return completed(result.commandTag);
    }

    /**
     * Ends the session: tells the server (Terminate) and closes the socket. Idempotent; a query still
     * waiting on the connection fails with {@link PgConnectionLostException}.
     */
    @Async
    public Coroutine<Void> close() {
        if (closed) {
            return completed();
        }
        closed = true;
        if (broken == null && !writer.isClosing()) {
            writer.write(Messages.terminate());
        }
        writer.close();
        try {
            await(writer.waitClosed());
        } catch (CancellationException e) {
            throw e;
        } catch (Exception alreadyBroken) {
            // the socket failed before it closed: it is closed all the same
        }
        return completed();
    }

    public boolean isClosed() {
        return closed || broken != null;
    }

    /** The server process serving this session (pg_backend_pid()). */
    public int backendPid() {
        return backendPid;
    }

    /** A run-time parameter the server reported (ParameterStatus), e.g. {@code server_version}. */
    public String serverParameter(String name) {
        return parameters.get(name);
    }

    /** 'I' idle, 'T' in a transaction block, 'E' in a failed transaction block (as of the last ReadyForQuery). */
    public char transactionStatus() {
        return transactionStatus;
    }

    @Override
    public String toString() {
        return "PgConnection[" + host + ":" + port + ", pid " + backendPid + (isClosed() ? ", closed]" : "]");
    }

    // ---------------------------------------------------------------- startup (called by Pg.connect)

    /** Sends the startup message and answers the server's authentication request until ReadyForQuery. */
    @Async
    Coroutine<Void> startup(String user, String password, String database) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user", user);
        params.put("database", database);
        params.put("application_name", "jasyncio");
        params.put("client_encoding", "UTF8");
        writer.write(Messages.startup(params));
        await(writer.drain());
        Scram scram = null;
        while (true) {
            Messages.Backend m = await(receive());
            byte[] reply = null;
            switch (m.type) {
                case 'R' -> {
                    int request = m.int32();
                    switch (request) {
                        case 0 -> { }   // AuthenticationOk
                        case 3 -> reply = Messages.password(requirePassword(password, "cleartext"));
                        case 5 -> reply = Messages.password(Scram.md5Password(user, requirePassword(password, "md5"), m.bytes(4)));
                        case 10 -> {
                            List<String> mechanisms = new ArrayList<>();
                            for (String s = m.cstring(); !s.isEmpty(); s = m.cstring()) {
                                mechanisms.add(s);
                            }
                            if (!mechanisms.contains(Scram.MECHANISM)) {
                                throw fail(new PgProtocolException("the server offers SASL mechanisms " + mechanisms
                                        + "; this client speaks only " + Scram.MECHANISM));
                            }
                            scram = new Scram("", requirePassword(password, Scram.MECHANISM));
                            reply = Messages.saslInitialResponse(Scram.MECHANISM, scram.clientFirstMessage());
                        }
                        case 11 -> reply = Messages.saslResponse(scramStep(scram).clientFinalMessage(m.rest()));
                        case 12 -> scramStep(scram).verifyServerFinal(m.rest());
                        default -> throw fail(new PgProtocolException("the server asks for authentication method " + request
                                + " (see pg_hba.conf); this client speaks trust, password, md5 and " + Scram.MECHANISM));
                    }
                }
                case 'K' -> {
                    backendPid = m.int32();
                    secretKey = m.int32();
                }
                case 'E' -> throw fail(PgException.read(m));   // bad password, no such database, ...
                case 'Z' -> {
                    transactionStatus = (char) m.int8();
                    return completed();
                }
                default -> asynchronous(m);
            }
            if (reply != null) {
                writer.write(reply);
                await(writer.drain());
            }
        }
    }

    private String requirePassword(String password, String method) {
        if (password == null || password.isEmpty()) {
            throw fail(new IllegalArgumentException("the server asks for a password (" + method
                    + " authentication) but none was given"));
        }
        return password;
    }

    private Scram scramStep(Scram scram) {
        if (scram == null) {
            throw fail(new PgProtocolException("SASL continuation without a SASL start"));
        }
        return scram;
    }

    // ---------------------------------------------------------------- queries

    /** The rows of the last row-returning statement, and the last command tag. */
    private record Result(List<Row> rows, String commandTag) {
    }

    @Async
    private Coroutine<Result> simpleQuery(String sql) {
        byte[] query = Messages.query(sql);
        Acquired turn = await(inUse.acquire());
        boolean handedOver = false;
        try {
            checkUsable();
            writer.write(query);
            await(writer.drain());
            return completed(await(readResult()));
        } catch (PgProtocolException garbled) {
            throw fail(garbled);   // where the next message starts is unknown now
        } catch (CancellationException cancelled) {
            if (!isClosed()) {
                // the query was sent: its answer is still coming. Ask the server to stop it, and keep
                // the connection to ourselves until the answer is read, so the next query starts clean.
                createTask(cleanUpAfterCancel(turn), "pg-cancel-" + backendPid);
                handedOver = true;
            }
            throw cancelled;
        } finally {
            if (!handedOver) {
                turn.close();
            }
        }
    }

    /** Reads a simple query's answer up to ReadyForQuery; an ErrorResponse is thrown only then. */
    @Async
    private Coroutine<Result> readResult() {
        List<String> columns = null;
        List<Row> rows = new ArrayList<>();
        List<Row> lastRows = List.of();
        String tag = null;
        PgException error = null;
        while (true) {
            Messages.Backend m = await(receive());
            switch (m.type) {
                case 'T' -> {
                    columns = readRowDescription(m);
                    rows = new ArrayList<>();
                }
                case 'D' -> rows.add(readDataRow(m, columns));
                case 'C' -> {
                    tag = m.cstring();
                    if (columns != null) {
                        lastRows = Collections.unmodifiableList(rows);
                        columns = null;
                    }
                }
                case 'I' -> tag = "";   // EmptyQueryResponse
                case 'E' -> {
                    error = PgException.read(m);
                    if (error.endsSession()) {
                        throw fail(error);
                    }
                }
                case 'Z' -> {
                    transactionStatus = (char) m.int8();
                    if (error != null) {
                        throw error;
                    }
                    return completed(new Result(lastRows, tag));
                }
                default -> asynchronous(m);
            }
        }
    }

    /** RowDescription: per column its name, then table oid, column number, type oid, size, modifier, format. */
    private static List<String> readRowDescription(Messages.Backend m) {
        int n = m.int16();
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(m.cstring());
            m.bytes(18);
        }
        return Collections.unmodifiableList(names);
    }

    /** DataRow: per column an int32 length (-1 for NULL) and that many bytes of text. */
    private static Row readDataRow(Messages.Backend m, List<String> columns) {
        if (columns == null) {
            throw m.malformed("DataRow without a RowDescription");
        }
        int n = m.int16();
        if (n != columns.size()) {
            throw m.malformed(n + " values for " + columns.size() + " columns");
        }
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = m.int32();
            values.add(len < 0 ? null : new String(m.bytes(len), StandardCharsets.UTF_8));
        }
        return new Row(columns, Collections.unmodifiableList(values));
    }

    /** Messages the server may send at any time: run-time parameters, notices, notifications. */
    private void asynchronous(Messages.Backend m) {
        switch (m.type) {
            case 'S' -> parameters.put(m.cstring(), m.cstring());
            case 'N', 'A', 'v' -> { }   // notices and notifications are not surfaced by this client
            default -> throw fail(new PgProtocolException("unexpected '" + m.type + "' message from the server"));
        }
    }

    // ---------------------------------------------------------------- cancellation

    /**
     * After a cancelled query: sends a CancelRequest on a connection of its own, reads the rest of the
     * query's answer (usually a 57014 "canceling statement" error, or the result if it finished
     * first), then gives the connection to the next query. If that does not happen within
     * {@link #CANCEL_CLEANUP_SECONDS}, the connection is closed instead.
     */
    @Async
    private Coroutine<Void> cleanUpAfterCancel(Acquired turn) {
        try {
            await(waitFor(sendCancelRequest(), CANCEL_CLEANUP_SECONDS));
            await(waitFor(skipToReady(), CANCEL_CLEANUP_SECONDS));
        } catch (Exception e) {
            fail(new PgConnectionLostException("connection to " + host + ":" + port
                    + " closed: it could not be brought back to idle after a cancelled query", e));
            if (e instanceof CancellationException c) {
                throw c;
            }
        } finally {
            turn.close();
        }
        return completed();
    }

    @Async
    private Coroutine<Void> sendCancelRequest() {
        StreamPair side = await(openConnection(host, port));
        try {
            side.writer().write(Messages.cancelRequest(backendPid, secretKey));
            await(side.writer().drain());
            await(side.reader().read(-1));   // the server closes it once the request is handled
        } finally {
            side.writer().close();
        }
        return completed();
    }

    @Async
    private Coroutine<Void> skipToReady() {
        while (true) {
            Messages.Backend m = await(receive());
            if (m.type == 'Z') {
                transactionStatus = (char) m.int8();
                return completed();
            }
            if (m.type == 'E') {
                PgException e = PgException.read(m);
                if (e.endsSession()) {
                    throw fail(e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- the socket

    /** One backend message: a type byte, an int32 length counting itself, the body. */
    @Async
    private Coroutine<Messages.Backend> receive() {
        byte[] head;
        byte[] body;
        try {
            head = await(reader.readExactly(5));
            int length = (head[1] & 0xff) << 24 | (head[2] & 0xff) << 16 | (head[3] & 0xff) << 8 | (head[4] & 0xff);
            if (length < 4 || length > MAX_MESSAGE) {
                throw fail(new PgProtocolException("bad message length " + length + " for a '" + (char) head[0]
                        + "' message: is this a PostgreSQL server?"));
            }
            body = await(reader.readExactly(length - 4));
        } catch (CancellationException | PgProtocolException e) {
            throw e;
        } catch (Exception e) {
            // end of stream or a socket error: the server went away (or close() was called)
            throw fail(new PgConnectionLostException(closed
                    ? "connection to " + host + ":" + port + " was closed"
                    : "server " + host + ":" + port + " closed the connection unexpectedly (" + e + ")", e));
        }
        return completed(new Messages.Backend((char) head[0], body));
    }

    private void checkUsable() {
        if (broken != null) {
            throw new PgConnectionLostException("connection to " + host + ":" + port + " is unusable: " + broken.getMessage(), broken);
        }
        if (closed) {
            throw new PgConnectionLostException("connection to " + host + ":" + port + " is closed", null);
        }
    }

    /** Marks the connection unusable and drops the socket; returns the error for the caller to throw. */
    private <E extends RuntimeException> E fail(E why) {
        if (broken == null) {
            broken = why;
        }
        writer.close();
        return why;
    }
}
