package io.jasyncio;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/**
 * Python's {@code asyncio} module: the functions users call, imported statically
 * ({@code import static io.jasyncio.Asyncio.*;}).
 */
public final class Asyncio {
    private Asyncio() {
    }

    static final String HOW_TO_WEAVE = "weave @Async methods with jasyncio-maven-plugin (goals weave / weave-tests),"
            + " run with -javaagent:jasyncio-transformer.jar, or use the command-line weaver";

    // ---------------------------------------------------------------- await and return

    /**
     * Python's {@code await aw}: the awaitable's result, suspending the calling {@code @Async} method
     * until it is ready. Only valid inside an {@code @Async} method; the weaver replaces every call.
     */
    public static <T> T await(Awaitable<T> awaitable) {
        throw notWoven("await(...)");
    }

    /** Awaits a JDK future: resumes on the loop thread when the stage completes on any thread. */
    public static <T> T await(CompletionStage<T> stage) {
        throw notWoven("await(...)");
    }

    /** {@code return completed(x);} ends an {@code @Async} method with result x. */
    public static <T> Coroutine<T> completed(T value) {
        throw notWoven("completed(...)");
    }

    /** {@code return completed();} ends an {@code @Async Coroutine<Void>} method. */
    public static Coroutine<Void> completed() {
        throw notWoven("completed()");
    }

    private static IllegalStateException notWoven(String what) {
        return new IllegalStateException(what + " was reached in code that was not woven: " + HOW_TO_WEAVE);
    }

    // ---------------------------------------------------------------- running

    /**
     * Python's {@code asyncio.run}: runs the coroutine on a new loop, cancels what it leaves pending,
     * shuts the default executor down, closes the loop, and returns the result.
     */
    public static <T> T run(Coroutine<T> main) {
        return run(main, false);
    }

    public static <T> T run(Coroutine<T> main, boolean debug) {
        if (EventLoop.runningOrNull() != null) {
            throw new IllegalStateException("Asyncio.run() cannot be called from a running event loop");
        }
        try (Runner runner = new Runner(debug)) {
            return runner.run(main);
        }
    }

    static void cancelAllTasks(EventLoop loop) {
        List<Task<?>> pending = loop.allTasks();
        if (pending.isEmpty()) {
            return;
        }
        for (Task<?> t : pending) {
            t.cancel();
        }
        loop.runUntilComplete(gather(true, pending.toArray(new Awaitable<?>[0])));
        for (Task<?> t : pending) {
            if (!t.isCancelled() && t.failure != null) {
                java.util.Map<String, Object> ctx = new java.util.LinkedHashMap<>();
                ctx.put("message", "unhandled exception during Asyncio.run() shutdown");
                ctx.put("exception", t.failure);
                ctx.put("task", t);
                loop.callExceptionHandler(ctx);
            }
        }
    }

    // ---------------------------------------------------------------- tasks

    public static <T> Task<T> createTask(Coroutine<T> coro) {
        return EventLoop.running("createTask").createTask(coro);
    }

    public static <T> Task<T> createTask(Coroutine<T> coro, String name) {
        return EventLoop.running("createTask").createTask(coro, name);
    }

    /** Python's {@code ensure_future}: a future stays itself, a coroutine becomes a task. */
    public static <T> Future<T> ensureFuture(Awaitable<T> aw) {
        return ensureFuture(aw, null);
    }

    /** ensureFuture on the given loop (null: the running one); a future must belong to that loop. */
    @SuppressWarnings("unchecked")
    static <T> Future<T> ensureFuture(Awaitable<T> aw, EventLoop loop) {
        if (aw instanceof Future<?> f) {
            if (loop != null && f.loop != loop) {
                throw new IllegalArgumentException("The future " + f + " belongs to a different loop than the one specified");
            }
            return (Future<T>) f;
        }
        if (aw instanceof Coroutine<?> c) {
            return (Future<T>) (loop != null ? loop : EventLoop.running("ensureFuture")).createTask(c);
        }
        throw new IllegalArgumentException("An asyncio.Future, a coroutine or an awaitable is required, got " + aw);
    }

    /**
     * A task that starts at once, inside this call, and runs up to its first suspension (Python 3.12's
     * eager start, for one task; {@code loop.setTaskFactory(TaskFactory.EAGER)} does it for all).
     */
    public static <T> Task<T> createEagerTask(Coroutine<T> coro) {
        return new Task<>(coro, EventLoop.running("createEagerTask"), null, true);
    }

    public static <T> Task<T> createEagerTask(Coroutine<T> coro, String name) {
        return new Task<>(coro, EventLoop.running("createEagerTask"), name, true);
    }

    public static EventLoop getRunningLoop() {
        return EventLoop.running("getRunningLoop");
    }

    /** The task running now, or null when called outside a task. */
    public static Task<?> currentTask() {
        EventLoop loop = EventLoop.runningOrNull();
        return loop == null ? null : loop.currentTask();
    }

    public static java.util.Set<Task<?>> allTasks() {
        return new java.util.LinkedHashSet<>(EventLoop.running("allTasks").allTasks());
    }

    // ---------------------------------------------------------------- sleeping

    /** Python's {@code asyncio.sleep(delay)}; {@code sleep(0)} yields to the loop exactly once. */
    public static Coroutine<Void> sleep(double seconds) {
        return new SleepCoroutine<>(seconds, null);
    }

    public static <T> Coroutine<T> sleep(double seconds, T result) {
        return new SleepCoroutine<>(seconds, result);
    }

    public static Coroutine<Void> sleep(Duration duration) {
        return new SleepCoroutine<>(duration.toNanos() * 1e-9, null);
    }

    // ---------------------------------------------------------------- gather

    /** Python's {@code asyncio.gather(*aws)}: the results in argument order. */
    @SafeVarargs
    public static <T> Future<List<T>> gather(Awaitable<? extends T>... aws) {
        return gatherInto(false, aws);
    }

    public static <T> Future<List<T>> gather(List<? extends Awaitable<? extends T>> aws) {
        return gatherInto(false, aws.toArray(new Awaitable<?>[0]));
    }

    /** {@code gather(..., return_exceptions=True)}: a failed child's entry is its Throwable. */
    public static Future<List<Object>> gather(boolean returnExceptions, Awaitable<?>... aws) {
        return gatherInto(returnExceptions, aws);
    }

    private static <T> Future<List<T>> gatherInto(boolean returnExceptions, Awaitable<?>[] aws) {
        EventLoop loop = EventLoop.runningOrNull();
        Future<?>[] children = new Future<?>[aws.length];
        java.util.IdentityHashMap<Awaitable<?>, Future<?>> seen = new java.util.IdentityHashMap<>();
        List<Future<?>> distinct = new java.util.ArrayList<>(aws.length);
        for (int i = 0; i < aws.length; i++) {
            Awaitable<?> aw = aws[i];
            Future<?> f = seen.get(aw);
            if (f == null) {
                if (aw instanceof Future<?> fut) {
                    f = fut;
                } else if (aw instanceof Coroutine<?> c) {
                    if (loop == null) {
                        throw new IllegalStateException("gather: no running event loop to run coroutines on");
                    }
                    f = loop.createTask(c);
                } else {
                    throw new IllegalArgumentException("gather: not awaitable: " + aw);
                }
                if (loop == null) {
                    loop = f.loop;
                } else if (f.loop != loop) {
                    throw new IllegalArgumentException("gather: futures are attached to different loops");
                }
                seen.put(aw, f);
                distinct.add(f);
            }
            children[i] = f;
        }
        if (loop == null) {
            throw new IllegalStateException("gather: no running event loop");
        }
        return new GatheringFuture<>(loop, children, distinct, returnExceptions);
    }

    // ---------------------------------------------------------------- wait, waitFor, asCompleted, shield, timeouts

    /**
     * Python's {@code asyncio.wait(fs, return_when=...)}: waits until the futures satisfy
     * {@code returnWhen}; cancels nothing. Call it qualified ({@code Asyncio.wait}): every class
     * inherits {@code Object.wait}.
     */
    public static <T> Coroutine<WaitResult<T>> wait(Collection<? extends Future<T>> fs, ReturnWhen returnWhen) {
        return waitImpl(fs, Double.NaN, returnWhen);
    }

    /** {@code asyncio.wait(fs, timeout, return_when)}: after {@code timeout} seconds returns whatever is done. */
    public static <T> Coroutine<WaitResult<T>> wait(Collection<? extends Future<T>> fs, double timeout, ReturnWhen returnWhen) {
        if (Double.isNaN(timeout)) {
            throw new IllegalArgumentException("Asyncio.wait: timeout is NaN");
        }
        return waitImpl(fs, timeout, returnWhen);
    }

    private static <T> Coroutine<WaitResult<T>> waitImpl(Collection<? extends Future<T>> fs, double timeout, ReturnWhen returnWhen) {
        if (fs == null) {
            throw new NullPointerException("Asyncio.wait: the collection of futures is null");
        }
        if (fs.isEmpty()) {
            throw new IllegalArgumentException("Asyncio.wait: the set of tasks/futures is empty");
        }
        if (returnWhen == null) {
            throw new NullPointerException("Asyncio.wait: returnWhen is null");
        }
        Set<Future<T>> set = new LinkedHashSet<>();
        for (Future<T> f : fs) {
            if (f == null) {
                throw new NullPointerException("Asyncio.wait: the collection contains null");
            }
            set.add(f);
        }
        return new WaitCoroutine<>(set, timeout, returnWhen);
    }

    /**
     * Python's {@code asyncio.wait_for}: the awaitable's result, or {@link AsyncTimeoutException} once
     * {@code seconds} pass, after cancelling the awaitable and waiting for it to finish. A timeout
     * of 0 or less cancels at once unless the awaitable is already done ({@code POSITIVE_INFINITY}: no timeout).
     */
    public static <T> Coroutine<T> waitFor(Awaitable<T> aw, double seconds) {
        if (aw == null) {
            throw new NullPointerException("waitFor: the awaitable is null");
        }
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("waitFor: timeout is NaN");
        }
        if (seconds <= 0) {
            return new WaitForExpired<>(aw);
        }
        return new Timeout<>(aw, seconds, true);
    }

    /**
     * Python's {@code async with asyncio.timeout(delay)} around a body: runs the body in the awaiting
     * task and turns its cancellation at the deadline into {@link AsyncTimeoutException}. The delay
     * counts from when the returned coroutine is awaited.
     */
    public static <T> Timeout<T> timeout(double delay, Awaitable<T> body) {
        return new Timeout<>(body, delay, true);
    }

    /** Python's {@code asyncio.timeout_at(when)}: as {@link #timeout} with a deadline in loop time. */
    public static <T> Timeout<T> timeoutAt(double when, Awaitable<T> body) {
        return new Timeout<>(body, when, false);
    }

    /**
     * Python's {@code asyncio.as_completed}: one awaitable per distinct input, each giving the next
     * result in completion order. Coroutines are wrapped in tasks at once.
     */
    public static <T> Iterable<Awaitable<T>> asCompleted(Collection<? extends Awaitable<T>> aws) {
        return new AsCompleted<T>(aws, Double.NaN).awaitables();
    }

    /** As {@link #asCompleted(Collection)}; after {@code timeout} seconds the rest raise AsyncTimeoutException. */
    public static <T> Iterable<Awaitable<T>> asCompleted(Collection<? extends Awaitable<T>> aws, double timeout) {
        if (Double.isNaN(timeout)) {
            throw new IllegalArgumentException("asCompleted: timeout is NaN");
        }
        return new AsCompleted<T>(aws, timeout).awaitables();
    }

    /** Python's {@code asyncio.shield}: cancelling the returned future leaves the awaitable running. */
    public static <T> Future<T> shield(Awaitable<T> aw) {
        if (aw == null) {
            throw new NullPointerException("shield: the awaitable is null");
        }
        return Shield.shield(aw);
    }

    // ---------------------------------------------------------------- threads

    /**
     * Python's {@code asyncio.run_coroutine_threadsafe}: from any thread, runs the coroutine as a task
     * of the loop; the returned future completes with it, and cancelling it cancels the task.
     */
    public static <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coro, EventLoop loop) {
        if (coro == null || loop == null) {
            throw new NullPointerException("runCoroutineThreadsafe: " + (coro == null ? "coro" : "loop") + " is null");
        }
        CompletableFuture<T> cf = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            if (cf.isDone()) {
                return;   // cancelled before it started
            }
            Task<T> task;
            try {
                task = loop.createTask(coro);
            } catch (Throwable t) {
                cf.completeExceptionally(t);
                throw t;
            }
            Future.chain(task, cf);
        });
        return cf;
    }

    /** Python's {@code asyncio.to_thread}: runs the call in the loop's default executor. */
    public static <T> Future<T> toThread(Callable<T> call) {
        return EventLoop.running("toThread").runInExecutor(null, call);
    }

    // ---------------------------------------------------------------- streams (implemented in Streams)

    /** Python's {@code asyncio.open_connection(host, port)}: a TCP connection as a reader and a writer. */
    public static Coroutine<StreamPair> openConnection(String host, int port) {
        return Streams.openConnection(host, port, null, StreamReader.DEFAULT_LIMIT);
    }

    /** {@code open_connection(host, port, ssl=context)}: TLS, checking the certificate against {@code host}. */
    public static Coroutine<StreamPair> openConnection(String host, int port, javax.net.ssl.SSLContext ssl) {
        return Streams.openConnection(host, port, ssl, StreamReader.DEFAULT_LIMIT);
    }

    /** {@code open_connection(host, port, limit=limit)}. */
    public static Coroutine<StreamPair> openConnection(String host, int port, int limit) {
        return Streams.openConnection(host, port, null, limit);
    }

    /**
     * Python's {@code asyncio.start_server}: each accepted connection runs {@code handler(reader, writer)}
     * as a task. Port 0 picks a free port ({@link Server#localAddress()} tells which); host null listens
     * on all interfaces.
     */
    public static Coroutine<Server> startServer(ClientConnectedCallback handler, String host, int port) {
        return Streams.startServer(handler, host, port, null, StreamReader.DEFAULT_LIMIT);
    }

    /** {@code start_server(..., ssl=context)}: a TLS server. */
    public static Coroutine<Server> startServer(ClientConnectedCallback handler, String host, int port, javax.net.ssl.SSLContext ssl) {
        return Streams.startServer(handler, host, port, ssl, StreamReader.DEFAULT_LIMIT);
    }

    /** {@code start_server(..., limit=limit)}. */
    public static Coroutine<Server> startServer(ClientConnectedCallback handler, String host, int port, int limit) {
        return Streams.startServer(handler, host, port, null, limit);
    }

    /** Python's {@code asyncio.open_unix_connection(path)}. */
    public static Coroutine<StreamPair> openUnixConnection(java.nio.file.Path path) {
        return Streams.openUnixConnection(path, StreamReader.DEFAULT_LIMIT);
    }

    /** Python's {@code asyncio.start_unix_server(handler, path)}. */
    public static Coroutine<Server> startUnixServer(ClientConnectedCallback handler, java.nio.file.Path path) {
        return Streams.startUnixServer(handler, path, StreamReader.DEFAULT_LIMIT);
    }

    /**
     * Python's {@code asyncio.create_subprocess_exec(program, *args)} with stdin, stdout and stderr piped
     * (the JDK's default): they are streams on the loop (see {@link Subprocess}).
     */
    public static Coroutine<Subprocess> createSubprocessExec(String program, String... args) {
        return Subprocess.exec(program, args);
    }

    /** {@code create_subprocess_exec} as the builder says: each stream left as PIPE becomes a loop stream. */
    public static Coroutine<Subprocess> createSubprocessExec(ProcessBuilder builder) {
        return Subprocess.exec(builder);
    }
}
