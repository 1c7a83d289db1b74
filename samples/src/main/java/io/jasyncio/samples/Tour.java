package io.jasyncio.samples;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.samples.chat.ChatDemo;
import io.jasyncio.samples.crawler.Crawler;
import io.jasyncio.samples.db.DatabaseAccess;
import io.jasyncio.samples.db.JdbcOffTheLoop;
import io.jasyncio.samples.db.LocalPostgres;
import io.jasyncio.samples.http.NotesService;
import io.jasyncio.samples.seed0.Downloads;
import io.jasyncio.samples.seed0.FetchStatus;
import io.jasyncio.samples.seed0.FetchStatusTryFinally;
import io.jasyncio.samples.seed0.SayHello;
import io.jasyncio.samples.seed1.CallOrdering;
import io.jasyncio.samples.seed1.CancelTasks;
import io.jasyncio.samples.seed1.ChainCoroutines;
import io.jasyncio.samples.seed1.DoneCallback;
import io.jasyncio.samples.seed1.ExecutorBlockingSocket;
import io.jasyncio.samples.seed1.LockAndQueue;
import io.jasyncio.samples.seed1.OpenConnectionGet;
import io.jasyncio.samples.seed1.RunUntilComplete;
import io.jasyncio.samples.seed2.AsyncContextManager;
import io.jasyncio.samples.seed2.AsyncCounterSample;
import io.jasyncio.samples.seed2.AsyncDatabase;
import io.jasyncio.samples.seed2.AsyncGeneratorSample;
import io.jasyncio.samples.seed2.CoroutineControl;
import io.jasyncio.samples.seed2.CreateTasks;
import io.jasyncio.samples.seed2.FetchData;
import io.jasyncio.samples.seed2.FetchPages;
import io.jasyncio.samples.seed2.HelloWorld;
import io.jasyncio.samples.seed2.LoopControl;
import io.jasyncio.samples.seed2.RunInExecutor;
import io.jasyncio.samples.seed2.SyncMain;
import io.jasyncio.samples.seed2.TaskControl;
import io.jasyncio.samples.seed2.WebFramework;
import io.jasyncio.samples.seed3.AsCompletedPhases;
import io.jasyncio.samples.seed3.GatherPhases;
import io.jasyncio.samples.seed3.TaskCreateCancel;
import io.jasyncio.samples.seed3.WaitTimeout;
import io.jasyncio.samples.seed4.AsyncioVersion;
import io.jasyncio.samples.seed4.FutureObjects;
import io.jasyncio.samples.seed4.Generators;
import io.jasyncio.samples.seed4.MultiprocessingVersion;
import io.jasyncio.samples.seed4.RunnerSample;
import io.jasyncio.samples.seed4.SayAfter;
import io.jasyncio.samples.seed4.ThreadingVersion;
import io.jasyncio.samples.seed4.TimeoutScope;
import io.jasyncio.samples.web.LocalWebSite;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The tour: every seed example, in the seeds' order, each under a heading and followed by the real time
 * it took (the samples' tests check the same timings exactly, on virtual time), then the bigger samples.
 * Run it with {@code mvn -q -pl samples exec:java}.
 */
public final class Tour {
    private Tour() {
    }

    /** One example: what to call it, and how to run it. */
    record Step(String title, Example example) {
    }

    /** A sample's entry point; samples' mains may throw. */
    @FunctionalInterface
    interface Example {
        void run() throws Exception;
    }

    record Section(String heading, List<Step> steps) {
    }

    private static final String[] NO_ARGS = {};

    /** The tour's contents; each step's title starts with the sample class it runs. */
    static List<Section> sections() {
        return List.of(
                new Section("seed 000 — 和 Python 相关的异步", List.of(
                        new Step("Downloads: two downloads gathered (about 1 s, not 2)", () -> Downloads.main(NO_ARGS)),
                        new Step("SayHello: create_task, then await the task", () -> SayHello.main(NO_ARGS)),
                        new Step("FetchStatus: two pages through one session, async with", () -> FetchStatus.main(NO_ARGS)),
                        new Step("FetchStatusTryFinally: the same with try/finally", () -> FetchStatusTryFinally.main(NO_ARGS)))),
                new Section("seed 001 — 异步I/O", List.of(
                        new Step("RunUntilComplete: one, wait, gather groups, nested gathers (2 s each)",
                                () -> RunUntilComplete.main(NO_ARGS)),
                        new Step("DoneCallback: a done-callback with a bound argument (partial)", () -> DoneCallback.main(NO_ARGS)),
                        new Step("CancelTasks: the run completes (no Ctrl-C)", () -> CancelTasks.main(NO_ARGS)),
                        new Step("CancelTasks: Ctrl-C played by stopping the loop after 1 s", () -> CancelTasks.run(new EventLoop(), 1.0)),
                        new Step("ChainCoroutines: a coroutine awaiting a coroutine", () -> ChainCoroutines.main(NO_ARGS)),
                        new Step("CallOrdering: call_soon / call_later / call_at / call_soon_threadsafe",
                                () -> CallOrdering.main(NO_ARGS)),
                        new Step("ExecutorBlockingSocket: blocking sockets in a thread pool, then one by one",
                                () -> ExecutorBlockingSocket.main(NO_ARGS)),
                        new Step("OpenConnectionGet: HTTP GET over open_connection, then as_completed",
                                () -> OpenConnectionGet.main(NO_ARGS)),
                        new Step("LockAndQueue: no lock needed, a Lock around a cache, a Queue between two",
                                () -> LockAndQueue.main(NO_ARGS)))),
                new Section("seed 002 — Python asyncio 异步模块使用教程", List.of(
                        new Step("HelloWorld: Asyncio.run (§2.1)", () -> HelloWorld.main(NO_ARGS)),
                        new Step("HelloWorld: the old way, a loop by hand (§2.1)", HelloWorld::runTheOldWay),
                        new Step("CreateTasks: two tasks (§2.2)", () -> CreateTasks.main(NO_ARGS)),
                        new Step("FetchData: gather three fetches (§2.3)", () -> FetchData.main(NO_ARGS)),
                        new Step("LoopControl: run_until_complete, run_forever, stop (§3.1)", () -> LoopControl.main(NO_ARGS)),
                        new Step("CoroutineControl: gather(return_exceptions), wait(timeout), shield (§3.2)",
                                () -> CoroutineControl.main(NO_ARGS)),
                        new Step("TaskControl: cancel, wait_for timeout (§3.3)", () -> TaskControl.main(NO_ARGS)),
                        new Step("AsyncContextManager: async with (§4.1)", () -> AsyncContextManager.main(NO_ARGS)),
                        new Step("AsyncCounterSample: async for over a hand-written async iterator (§4.2)",
                                () -> AsyncCounterSample.main(NO_ARGS)),
                        new Step("AsyncGeneratorSample: an async generator (§4.3)", () -> AsyncGeneratorSample.main(NO_ARGS)),
                        new Step("RunInExecutor: run_in_executor, own pool, to_thread (§5.1)", () -> RunInExecutor.main(NO_ARGS)),
                        new Step("SyncMain: asyncio.run from synchronous code (§5.2)", () -> SyncMain.main(NO_ARGS)),
                        new Step("FetchPages: five pages through one session (§7.1)", () -> FetchPages.main(NO_ARGS)),
                        new Step("AsyncDatabase: connect, fetch, close in finally (§7.2)", () -> AsyncDatabase.main(NO_ARGS)),
                        new Step("WebFramework: the FastAPI routes on a small HTTP server (§7.3)",
                                () -> WebFramework.main(NO_ARGS)))),
                new Section("seed 003 — Asyncio 笔记", List.of(
                        new Step("TaskCreateCancel: loop.create_task, task.cancel", () -> TaskCreateCancel.main(NO_ARGS)),
                        new Step("WaitTimeout: wait with a 0.3 s timeout, cancel what is pending", () -> WaitTimeout.main(NO_ARGS)),
                        new Step("GatherPhases: gather", () -> GatherPhases.main(NO_ARGS)),
                        new Step("AsCompletedPhases: as_completed", () -> AsCompletedPhases.main(NO_ARGS)))),
                new Section("seed 004 — Python 异步编程", List.of(
                        new Step("SayAfter: awaits in sequence (3 s)", () -> SayAfter.main(NO_ARGS)),
                        new Step("FutureObjects: create_future, await a future, gather", () -> FutureObjects.main(NO_ARGS)),
                        new Step("TimeoutScope: asyncio.timeout(10) around an hour-long task", () -> TimeoutScope.main(NO_ARGS)),
                        new Step("RunnerSample: asyncio.Runner, one loop for two runs", () -> RunnerSample.main(NO_ARGS)),
                        new Step("ThreadingVersion: 5 threads (the tour fetches 2 × 5 pages; the sample's main 2 × 80)",
                                () -> withSite(site -> ThreadingVersion.run(site, 5))),
                        new Step("AsyncioVersion: one thread, one session (2 × 5 pages)",
                                () -> withSite(site -> Asyncio.run(AsyncioVersion.main(ThreadingVersion.sites(site, 5))))),
                        new Step("MultiprocessingVersion: CPU-bound work on every core", () -> MultiprocessingVersion.main(NO_ARGS)),
                        new Step("Generators: plain generators", () -> Generators.main(NO_ARGS)))),
                new Section("PostgreSQL (seed 002 §7.2, 异步数据库访问) against a real server", List.of(
                        new Step("DatabaseAccess: asyncpg's connect / fetch / close on jasyncio's own streams",
                                () -> withPostgres(pg -> DatabaseAccess.run(pg.host(), pg.port()))),
                        new Step("JdbcOffTheLoop: plain JDBC, 200 coroutines over 4 connections, a query cancelled on the server",
                                () -> withPostgres(pg -> JdbcOffTheLoop.run(pg.jdbcUrl()))))),
                new Section("bigger samples", List.of(
                        new Step("NotesService: an HTTP/1.1 JSON service, keep-alive, limits, graceful shutdown",
                                () -> NotesService.main(NO_ARGS)),
                        new Step("Crawler: 8 workers, one connection pool, timeouts and retries, 100 pages",
                                () -> Crawler.main(NO_ARGS)),
                        new Step("ChatDemo: a chat server broadcasting through per-client queues",
                                () -> ChatDemo.main(NO_ARGS)))));
    }

    public static void main(String[] args) throws Exception {
        // the seeds print Chinese: write UTF-8 whatever the platform's default
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        long tourStart = System.nanoTime();
        int examples = 0;
        for (Section section : sections()) {
            System.out.println();
            System.out.println("=== " + section.heading() + " ===");
            for (Step step : section.steps()) {
                System.out.println();
                System.out.println("--- " + step.title());
                long start = System.nanoTime();
                step.example().run();
                System.out.printf("    [%.3f s]%n", (System.nanoTime() - start) / 1e9);
                examples++;
            }
        }
        System.out.printf("%n%d examples in %.1f s%n", examples, (System.nanoTime() - tourStart) / 1e9);
    }

    /** A body that needs a web site. */
    @FunctionalInterface
    private interface SiteBody {
        void run(LocalWebSite site) throws Exception;
    }

    /** A body that needs a PostgreSQL server. */
    @FunctionalInterface
    private interface PgBody {
        void run(LocalPostgres pg) throws Exception;
    }

    /** Starts a throwaway cluster for the body, or says how to get one when the server is not installed. */
    private static void withPostgres(PgBody body) throws Exception {
        Optional<String> why = LocalPostgres.unavailable();
        if (why.isPresent()) {
            System.out.println("    (skipped: " + why.get() + "; scripts/install-test-deps.sh installs it)");
            return;
        }
        try (LocalPostgres pg = LocalPostgres.start()) {
            body.run(pg);
        }
    }

    private static void withSite(SiteBody body) throws Exception {
        try (LocalWebSite site = LocalWebSite.start()) {
            body.run(site);
        }
    }
}
