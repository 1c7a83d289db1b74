package io.jasyncio.samples.db;

import io.jasyncio.Acquired;
import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Semaphore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.getRunningLoop;

/**
 * A blocking JDBC driver used from coroutines without blocking the loop: {@code size} connections and
 * as many worker threads, which run the JDBC calls ({@code runInExecutor}). Coroutines
 * wait for a free connection in line on the loop (a jasyncio {@link Semaphore}), so hundreds of them
 * cost no threads and the JDBC calls never run on the loop's thread.
 * <p>
 * Cancelling a coroutine that waits on a query: if the query has not started, it never will; if it
 * is running, {@link java.sql.Statement#cancel()} stops it on the server. Either way the connection
 * goes back to the pool, and the permit is returned only once the worker is done with it, so a
 * cancelled query never leaves more than {@code size} connections busy. A connection the server
 * dropped is closed and a fresh one opened for the next query.
 */
public final class JdbcPool {
    private final String url;
    private final Properties properties;
    private final int size;
    private final ExecutorService workers;
    private final BlockingQueue<Slot> slots;
    private final Semaphore permits;
    private final AtomicInteger opened = new AtomicInteger();
    private int busy;       // loop thread only, like the two below
    private int peakBusy;
    private boolean closed;

    /** A pool place: its connection, opened on first use and reopened after the server drops it. */
    private static final class Slot {
        Connection connection;
    }

    public JdbcPool(String url, String user, String password, int size) {
        this(url, user, password, size, "jasyncio-jdbc-pool");
    }

    /** As above; the server shows the pool's sessions with this application_name (pg_stat_activity). */
    public JdbcPool(String url, String user, String password, int size, String applicationName) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + size);
        }
        this.url = url;
        this.properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", applicationName);
        this.size = size;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(r, "jasyncio-jdbc-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.slots = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            slots.add(new Slot());
        }
        this.permits = new Semaphore(size);
    }

    /** Runs a query; each row as column label → JDBC value (e.g. Integer, String, BigDecimal), in column order. */
    @Async
    public Coroutine<List<Map<String, Object>>> query(String sql, Object... params) {
        return run(sql, params, JdbcPool::readAll);
    }

    /** Runs an INSERT, UPDATE, DELETE or DDL statement; the row count. */
    @Async
    public Coroutine<Integer> update(String sql, Object... params) {
        return run(sql, params, PreparedStatement::executeUpdate);
    }

    public int size() {
        return size;
    }

    /** Connections running a statement for a coroutine now (including cancelled ones not yet finished). */
    public int busy() {
        return busy;
    }

    /** The most connections ever busy at once. */
    public int peakBusy() {
        return peakBusy;
    }

    /** JDBC connections opened so far (more than {@link #size()} only after the server dropped some). */
    public int connectionsOpened() {
        return opened.get();
    }

    /**
     * Waits for every running statement (cancelled ones included) to finish, then closes the
     * connections and the workers. Queries made after this throw IllegalStateException.
     */
    @Async
    public Coroutine<Void> close() {
        if (closed) {
            return completed();
        }
        closed = true;
        for (int i = 0; i < size; i++) {
            await(permits.acquire());   // kept: the pool is closed
        }
        await(getRunningLoop().runInExecutor(workers, this::closeConnections));
        workers.shutdown();
        return completed();
    }

    // ---------------------------------------------------------------- one statement

    /** What to do with a prepared, bound statement, on a worker thread. */
    private interface Work<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    @Async
    private <T> Coroutine<T> run(String sql, Object[] params, Work<T> work) {
        checkOpen();
        // in line on the loop: no thread waits for a connection. Queries already in line when close()
        // is called still run: close() waits for them.
        Acquired permit = await(permits.acquire());
        EventLoop loop = getRunningLoop();
        busy++;
        peakBusy = Math.max(peakBusy, busy);
        Job<T> job = new Job<>(sql, params, work, loop, () -> {
            busy--;
            permit.close();
        });
        Future<T> result = loop.runInExecutor(workers, job);
        try {
            return completed(await(result));
        } catch (CancellationException cancelled) {
            if (job.cancel()) {
                job.release.run();   // it never started: nothing holds the connection
            } else {
                // running: Statement.cancel() talks to the server, so not on the loop's thread; the
                // worker releases the permit when the statement returns
                loop.runInExecutor(null, job::cancelStatement);
            }
            throw cancelled;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this JdbcPool is closed");
        }
    }

    /**
     * One statement on a worker thread. NEW → RUNNING → done, or NEW → CANCELLED (never runs). The
     * state and the statement are guarded by the job's monitor, so a cancel never reaches a statement
     * that has finished and whose connection went back to the pool.
     */
    private final class Job<T> implements java.util.concurrent.Callable<T> {
        private static final int NEW = 0;
        private static final int RUNNING = 1;
        private static final int CANCELLED = 2;

        private final String sql;
        private final Object[] params;
        private final Work<T> work;
        private final EventLoop loop;
        final Runnable release;   // on the loop: frees the permit
        private int state = NEW;
        private boolean cancelRequested;
        private PreparedStatement statement;

        Job(String sql, Object[] params, Work<T> work, EventLoop loop, Runnable release) {
            this.sql = sql;
            this.params = params;
            this.work = work;
            this.loop = loop;
            this.release = release;
        }

        /** From the loop: true if the job had not started (and now never will). */
        synchronized boolean cancel() {
            if (state == NEW) {
                state = CANCELLED;
                return true;
            }
            cancelRequested = true;
            return false;
        }

        /** From a helper thread: stops the running statement on the server. */
        synchronized Void cancelStatement() {
            if (statement != null) {
                try {
                    statement.cancel();
                } catch (SQLException e) {
                    // the statement could not be cancelled: its result is discarded all the same
                }
            }
            return null;
        }

        @Override
        public T call() throws Exception {
            synchronized (this) {
                if (state == CANCELLED) {
                    return null;
                }
                state = RUNNING;
            }
            Slot slot = slots.take();   // never waits: holding a permit means a slot is free
            try {
                return execute(slot);
            } finally {
                slots.add(slot);
                try {
                    loop.callSoonThreadsafe(release);
                } catch (RuntimeException loopClosed) {
                    // the loop is gone: there is nobody left to hand the permit to
                }
            }
        }

        private T execute(Slot slot) throws SQLException {
            try {
                if (slot.connection == null || slot.connection.isClosed()) {
                    slot.connection = DriverManager.getConnection(url, properties);
                    opened.incrementAndGet();
                }
                try (PreparedStatement st = slot.connection.prepareStatement(sql)) {
                    for (int i = 0; i < params.length; i++) {
                        st.setObject(i + 1, params[i]);
                    }
                    synchronized (this) {
                        if (cancelRequested) {
                            throw new CancellationException("cancelled before it ran");
                        }
                        statement = st;
                    }
                    try {
                        return work.apply(st);
                    } finally {
                        synchronized (this) {
                            statement = null;
                        }
                    }
                }
            } catch (SQLException e) {
                if (connectionLost(e, slot.connection)) {
                    closeQuietly(slot.connection);
                    slot.connection = null;
                }
                throw e;
            }
        }
    }

    /** SQLSTATE class 08 is "connection exception"; 57P0x are the server shutting the session down. */
    private static boolean connectionLost(SQLException e, Connection c) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
            return true;
        }
        try {
            return c == null || c.isClosed();
        } catch (SQLException unknown) {
            return true;
        }
    }

    private static List<Map<String, Object>> readAll(PreparedStatement st) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(Collections.unmodifiableMap(row));
            }
        }
        return rows;
    }

    private Void closeConnections() {
        for (Slot slot : slots) {
            closeQuietly(slot.connection);
            slot.connection = null;
        }
        return null;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a broken connection may fail; it is dropped either way
            }
        }
    }
}
