package io.jasyncio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * asyncio's event loop: one thread runs ready callbacks in FIFO order, fires due timers, and waits in a
 * {@link Selector} (for I/O, the next deadline, or a wake-up from another thread) when nothing is ready.
 * Callbacks scheduled while an iteration runs run in the next iteration, as in CPython's
 * {@code _run_once}. Not thread-safe, except {@link #callSoonThreadsafe}.
 */
public class EventLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.jasyncio");
    private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();

    private final Clock clock;
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>(64);
    private final TimerQueue timers = new TimerQueue();
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    /** Transports holding writes of the running callback, flushed as soon as it returns. */
    private final ArrayDeque<SocketTransport> deferredWrites = new ArrayDeque<>();
    /** Set while the loop blocks in the selector, so other threads know to wake it. */
    private volatile boolean sleeping;
    private final Selector selector;
    private long timerSequence;

    private volatile Thread thread;
    private boolean stopping;
    private boolean closed;
    private boolean debug = CoroutineTracker.DEBUG_REQUESTED;
    private ExceptionHandler exceptionHandler;
    private ExecutorService defaultExecutor;
    private boolean executorShutdownCalled;
    private Task<?> currentTask;
    /** Head of the intrusive list of pending tasks. */
    private Task<?> liveTasks;
    private TaskFactory taskFactory;
    private final UnretrievedFailures unretrieved = new UnretrievedFailures();
    /** Debug mode: callbacks running longer than this (loop seconds) are logged. */
    private double slowCallbackDuration = 0.1;

    public EventLoop() {
        this(Clock.SYSTEM);
    }

    public EventLoop(Clock clock) {
        if (clock == null) {
            throw new NullPointerException("EventLoop: clock is null");
        }
        this.clock = clock;
        if (debug) {
            CoroutineTracker.enable();
        }
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the event loop", e);
        }
        TaskDump.register(this);
        JfrEvents.loopCreated();
    }

    // ---------------------------------------------------------------- time and scheduling

    /** The loop's monotonic time in seconds. */
    public double time() {
        return clock.time();
    }

    public Clock clock() {
        return clock;
    }

    /** Runs the callback in a later iteration, after those already scheduled (FIFO). */
    public Handle callSoon(Runnable callback) {
        checkClosed();
        if (debug) {
            checkThread("callSoon");
        }
        Handle h = new Handle(callback);
        ready.add(h);
        return h;
    }

    /** Runs the callback once {@code delay} seconds have passed. */
    public TimerHandle callLater(double delay, Runnable callback) {
        return callAt(time() + delay, callback);
    }

    /** Runs the callback at loop time {@code when}. */
    public TimerHandle callAt(double when, Runnable callback) {
        checkClosed();
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("callAt/callLater: the time is NaN");
        }
        if (callback == null) {
            throw new NullPointerException("callAt/callLater: callback is null");
        }
        if (debug) {
            checkThread("callAt/callLater");
        }
        TimerHandle t = new TimerHandle(when, timerSequence++, callback, this);
        timers.add(t);
        return t;
    }

    /** Schedules the callback from any thread, waking the loop if it is waiting. */
    public Handle callSoonThreadsafe(Runnable callback) {
        checkClosed();
        if (callback == null) {
            throw new NullPointerException("callSoonThreadsafe: callback is null");
        }
        Handle h = new Handle(callback);
        inbox.add(h);
        if (sleeping) {
            selector.wakeup();
        }
        return h;
    }

    /** Internal scheduling without a Handle (task steps, future callbacks). */
    final void enqueue(Runnable r) {
        if (debug) {
            checkThread("a future's completion (its done-callbacks are scheduled on the loop)");
        }
        ready.add(r);
    }

    /** A transport's first deferred write in the running callback (see {@link SocketTransport#write}). */
    final void deferFlush(SocketTransport t) {
        deferredWrites.add(t);
    }

    /** Sends what the callback that just returned wrote: one gathering write per transport. */
    private void flushDeferredWrites() {
        for (SocketTransport t; (t = deferredWrites.poll()) != null; ) {
            t.flushDeferred();
        }
    }

    final void timerCancelled(TimerHandle t) {
        timers.onCancelled();
    }

    /** Timers in the heap, cancelled ones included (for tests and debugging). */
    public int scheduledTimerCount() {
        return timers.size();
    }

    // ---------------------------------------------------------------- futures and tasks

    public <T> Future<T> createFuture() {
        return new Future<>(this);
    }

    public <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, null);
    }

    /** Wraps the coroutine in a task (through the task factory, if one is set) and schedules it. */
    public <T> Task<T> createTask(Coroutine<T> coro, String name) {
        checkClosed();
        if (debug) {
            checkThread("createTask");
        }
        TaskFactory f = taskFactory;
        if (f != null) {
            return f.createTask(this, coro, name);
        }
        return new Task<>(coro, this, name, false);
    }

    /** Python's {@code loop.set_task_factory}: null restores plain tasks; {@link TaskFactory#EAGER} starts them eagerly. */
    public void setTaskFactory(TaskFactory factory) {
        this.taskFactory = factory;
    }

    public TaskFactory getTaskFactory() {
        return taskFactory;
    }

    /** A future of this loop that completes (on the loop thread) when the stage does. */
    final <T> Future<T> wrapStage(CompletionStage<T> stage) {
        Future<T> f = new Future<>(this);
        stage.whenComplete((v, e) -> callSoonThreadsafe(() -> {
            if (f.isDone()) {
                return;
            }
            if (e == null) {
                f.setResult(v);
            } else {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                if (cause instanceof java.util.concurrent.CancellationException) {
                    f.cancel();
                } else {
                    f.setException(cause);
                }
            }
        }));
        if (stage instanceof CompletableFuture<T> cf) {
            // Cancelling the awaiting task cancels the JDK future too (asyncio's wrap_future does the same).
            f.addCallback(() -> {
                if (f.isCancelled()) {
                    cf.cancel(false);
                }
            });
        }
        return f;
    }

    /** Runs the callable in the executor (null: the loop's default one) and returns its future. */
    public <T> Future<T> runInExecutor(Executor executor, Callable<T> call) {
        checkClosed();
        Executor ex = executor != null ? executor : defaultExecutor();
        Future<T> f = new Future<>(this);
        CompletableFuture<T> cf = new CompletableFuture<>();
        ex.execute(() -> {
            if (cf.isCancelled()) {
                return;
            }
            try {
                cf.complete(call.call());
            } catch (Throwable t) {
                cf.completeExceptionally(t);
            }
        });
        cf.whenComplete((v, e) -> callSoonThreadsafe(() -> {
            if (f.isDone()) {
                return;
            }
            if (e == null) {
                f.setResult(v);
            } else {
                f.setException(e);
            }
        }));
        f.addCallback(() -> {
            if (f.isCancelled()) {
                cf.cancel(false);
            }
        });
        return f;
    }

    private ExecutorService defaultExecutor() {
        ExecutorService ex = defaultExecutor;
        if (ex == null) {
            if (executorShutdownCalled) {
                throw new IllegalStateException("runInExecutor: the default executor was shut down (Executor shutdown has been called)");
            }
            AtomicInteger n = new AtomicInteger();
            ThreadFactory tf = r -> {
                Thread t = new Thread(r, "jasyncio-executor-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            int workers = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);   // CPython's default
            ex = defaultExecutor = new java.util.concurrent.ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS,
                    new java.util.concurrent.LinkedBlockingQueue<>(), tf);
            ((java.util.concurrent.ThreadPoolExecutor) ex).allowCoreThreadTimeOut(true);
        }
        return ex;
    }

    /** Shuts the default executor down and waits for its running jobs (asyncio.run does this). */
    public void shutdownDefaultExecutor() {
        shutdownDefaultExecutor(true);
    }

    private void shutdownDefaultExecutor(boolean waitForJobs) {
        executorShutdownCalled = true;
        ExecutorService ex = defaultExecutor;
        if (ex != null) {
            defaultExecutor = null;
            ex.shutdown();
            if (!waitForJobs) {
                return;
            }
            try {
                ex.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    final void taskStarted(Task<?> t) {
        Task<?> head = liveTasks;
        t.nextLive = head;
        if (head != null) {
            head.prevLive = t;
        }
        liveTasks = t;
    }

    final void taskFinished(Task<?> t) {
        Task<?> p = t.prevLive;
        Task<?> n = t.nextLive;
        if (p != null) {
            p.nextLive = n;
        } else if (liveTasks == t) {
            liveTasks = n;
        }
        if (n != null) {
            n.prevLive = p;
        }
        t.prevLive = t.nextLive = null;
    }

    /** The tasks of this loop that are not done yet. */
    public List<Task<?>> allTasks() {
        List<Task<?>> all = new ArrayList<>();
        for (Task<?> t = liveTasks; t != null; t = t.nextLive) {
            all.add(t);
        }
        return all;
    }

    /**
     * The pending tasks with where each is suspended and who awaits whom, for {@code ps}/{@code pstree}
     * output; callable from any thread (a running loop takes the snapshot on its own thread).
     */
    public TaskDump dumpTasks() {
        return TaskDump.of(this);
    }

    /** The thread running the loop, or null. */
    final Thread thread() {
        return thread;
    }

    /** The task running right now on this loop, or null. */
    public Task<?> currentTask() {
        return currentTask;
    }

    final Task<?> enterTask(Task<?> t) {
        Task<?> previous = currentTask;
        currentTask = t;
        return previous;
    }

    final void leaveTask(Task<?> previous) {
        currentTask = previous;
    }

    /** A future of this loop failed: watch it until someone retrieves the failure. */
    final void failureSet(Future<?> f) {
        unretrieved.watch(f);
    }

    // ---------------------------------------------------------------- running

    /** Runs the loop until the awaitable is done; returns its result or throws its failure. */
    @SuppressWarnings("unchecked")
    public <T> T runUntilComplete(Awaitable<T> awaitable) {
        checkClosed();
        checkNotRunning();
        Future<T> f;
        if (awaitable instanceof Future<?> fut) {
            if (fut.loop != this) {
                throw new IllegalArgumentException("The future belongs to a different loop than the one specified as the loop argument");
            }
            f = (Future<T>) fut;
        } else if (awaitable instanceof Coroutine<?> c) {
            f = (Future<T>) createTask(c);
        } else {
            throw new IllegalArgumentException("cannot run " + awaitable);
        }
        Runnable stopWhenDone = this::stop;
        if (f.isDone()) {
            ready.add(stopWhenDone);   // as asyncio: one iteration runs, then the outcome is returned
        } else {
            f.addCallback(stopWhenDone);
        }
        try {
            runForever();
        } finally {
            f.removeCallback(stopWhenDone);
        }
        if (!f.isDone()) {
            throw new IllegalStateException("Event loop stopped before Future completed.");
        }
        return (T) f.outcome();
    }

    /** Runs until {@link #stop()} is called. */
    public void runForever() {
        checkClosed();
        checkNotRunning();
        thread = Thread.currentThread();
        RUNNING.set(this);
        try {
            while (true) {
                runOnce();
                if (stopping) {
                    break;
                }
            }
        } finally {
            stopping = false;
            thread = null;
            RUNNING.remove();
        }
    }

    /** Stops the loop after the current iteration (callbacks already scheduled still run). */
    public void stop() {
        stopping = true;
    }

    public boolean isRunning() {
        return thread != null;
    }

    /** Whether this thread is the one running the loop right now. */
    public boolean isRunningInThisThread() {
        return thread == Thread.currentThread();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes the loop: pending callbacks are dropped, the selector and default executor shut. */
    @Override
    public void close() {
        if (isRunning()) {
            throw new IllegalStateException("Cannot close a running event loop");
        }
        if (closed) {
            return;
        }
        closed = true;
        TaskDump.unregister(this);
        reportAbandoned();
        ready.clear();
        inbox.clear();
        timers.clear();
        shutdownDefaultExecutor(false);   // as CPython's close: a job stuck forever must not hang close()
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the selector failed", e);
        }
    }

    /**
     * At close: tasks still pending are dropped ("Task was destroyed but it is pending!"), failures
     * nobody retrieved and, in debug mode, coroutines never awaited are reported.
     */
    private void reportAbandoned() {
        for (Task<?> t = liveTasks; t != null; ) {
            Task<?> next = t.nextLive;
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("message", "Task was destroyed but it is pending!");
            context.put("task", t);
            callExceptionHandler(context);
            t.prevLive = t.nextLive = null;
            t = next;
        }
        liveTasks = null;
        unretrieved.reportAll(this);
        if (debug) {
            CoroutineTracker.reportUnstarted(this);
        }
    }

    /** One iteration: poll I/O (or wait), take due timers, run what was ready when it started. */
    private void runOnce() {
        long waitNanos;
        if (!ready.isEmpty() || stopping || !inbox.isEmpty()) {
            waitNanos = 0;
        } else {
            TimerHandle next = timers.peek();
            if (next == null) {
                waitNanos = -1;   // nothing but I/O or another thread can wake us
            } else {
                double delay = next.when - clock.time();
                if (delay <= 0) {
                    waitNanos = 0;
                } else if (clock instanceof VirtualClock vc) {
                    // Virtual time passes only when the loop would otherwise sleep: I/O already waiting
                    // (a loopback peer on this loop) is handled before any timer is made due.
                    poll(0);
                    if (ready.isEmpty() && inbox.isEmpty()) {
                        vc.advanceTo(next.when);
                    }
                    waitNanos = 0;
                } else {
                    waitNanos = Math.max(1, (long) Math.ceil(delay * 1e9));
                }
            }
        }
        poll(waitNanos);

        for (Runnable r; (r = inbox.poll()) != null; ) {
            ready.add(r);
        }
        if (!timers.isEmpty()) {
            double end = clock.time();
            for (TimerHandle t; (t = timers.peek()) != null && t.when <= end; ) {
                timers.poll();
                ready.add(t);
            }
        }

        int n = ready.size();
        if (debug || JfrEvents.active) {
            runReadyDebug(n);
        } else {
            for (int i = 0; i < n; i++) {
                runCallback(ready.poll());
                flushDeferredWrites();
            }
        }
        if (!unretrieved.isEmpty()) {
            unretrieved.reportCollected(this);
        }
        flushDeferredWrites();   // the reports above ran the exception handler: user code, which may write
    }

    private void runCallback(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vme && !(t instanceof StackOverflowError)) {
                throw vme;
            }
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("message", "Exception in callback " + r);
            context.put("exception", t);
            context.put("handle", r);
            callExceptionHandler(context);
        }
    }

    /**
     * Debug mode's iteration (also while a JFR recording runs): times every callback on the loop's
     * clock; slow ones are logged in debug mode and recorded as JFR events.
     */
    private void runReadyDebug(int n) {
        for (int i = 0; i < n; i++) {
            Runnable r = ready.poll();
            double start = clock.time();
            runCallback(r);
            flushDeferredWrites();
            double took = clock.time() - start;
            if (took >= slowCallbackDuration) {
                if (debug) {
                    LOG.log(System.Logger.Level.WARNING, () -> String.format("Executing %s took %.3f seconds", r, took));
                }
                if (JfrEvents.active) {
                    JfrEvents.slowCallback(r, took);
                }
            }
        }
        if (debug) {
            CoroutineTracker.reportCollected(this);
        }
    }

    /** Waits for I/O for up to waitNanos (0: don't block; -1: no limit) and schedules the handlers. */
    private void poll(long waitNanos) {
        try {
            if (waitNanos == 0) {
                if (!selector.keys().isEmpty()) {
                    selector.selectNow(this::onSelected);
                }
                return;
            }
            sleeping = true;
            try {
                if (!inbox.isEmpty()) {
                    selector.selectNow(this::onSelected);
                } else if (waitNanos < 0) {
                    selector.select(this::onSelected);
                } else {
                    // Selector timeouts are milliseconds: round up so a timer never fires early.
                    selector.select(this::onSelected, Math.max(1, (waitNanos + 999_999) / 1_000_000));
                }
            } finally {
                sleeping = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("selector failed", e);
        }
    }

    private void onSelected(java.nio.channels.SelectionKey key) {
        Object att = key.attachment();
        if (att instanceof IoHandler h) {
            h.onReady(key);
            flushDeferredWrites();
        }
    }

    /**
     * The channels still registered with this loop (open transports, servers, readers and writers):
     * what a test checks for leaks once its coroutine is done. Call it on the loop's thread or while
     * the loop is not running.
     */
    public List<java.nio.channels.SelectableChannel> registeredChannels() {
        List<java.nio.channels.SelectableChannel> out = new ArrayList<>();
        if (!closed) {
            for (java.nio.channels.SelectionKey k : selector.keys()) {
                if (k.isValid()) {
                    out.add(k.channel());
                }
            }
        }
        return out;
    }

    /** The selector I/O layers register channels with. */
    final Selector selector() {
        return selector;
    }

    // ---------------------------------------------------------------- I/O (implemented in SelectorEvents, Server, SslProtocol)

    /** The loop's reused read buffer; SelectorEvents allocates it on first use. */
    java.nio.ByteBuffer readBuffer;
    /** Write-queue chunks a transport emptied, reused by the next (see {@link SelectorEvents#writeChunk}). */
    final ArrayDeque<java.nio.ByteBuffer> spareWriteChunks = new ArrayDeque<>();

    /** Calls {@code callback} whenever the non-blocking channel is readable (or acceptable), until removed. */
    public void addReader(java.nio.channels.SelectableChannel channel, Runnable callback) {
        SelectorEvents.addReader(this, channel, callback);
    }

    /** Stops watching for readability; false if no reader was set. */
    public boolean removeReader(java.nio.channels.SelectableChannel channel) {
        return SelectorEvents.removeReader(this, channel);
    }

    /** Calls {@code callback} whenever the non-blocking channel is writable (or its connect finishable). */
    public void addWriter(java.nio.channels.SelectableChannel channel, Runnable callback) {
        SelectorEvents.addWriter(this, channel, callback);
    }

    public boolean removeWriter(java.nio.channels.SelectableChannel channel) {
        return SelectorEvents.removeWriter(this, channel);
    }

    /** Python's {@code sock_connect}: connects a non-blocking socket channel. */
    public Future<Void> sockConnect(java.nio.channels.SocketChannel channel, java.net.SocketAddress address) {
        return SelectorEvents.sockConnect(this, channel, address);
    }

    /** Python's {@code sock_accept}: the next connection, already non-blocking. */
    public Future<java.nio.channels.SocketChannel> sockAccept(java.nio.channels.ServerSocketChannel channel) {
        return SelectorEvents.sockAccept(this, channel);
    }

    /** Python's {@code sock_recv_into}: bytes read into the buffer, 0 at the end of the stream. */
    public Future<Integer> sockRecv(java.nio.channels.SocketChannel channel, java.nio.ByteBuffer buffer) {
        return SelectorEvents.sockRecv(this, channel, buffer);
    }

    /** Python's {@code sock_sendall}: completes once every remaining byte of {@code data} is sent. */
    public Future<Void> sockSendAll(java.nio.channels.SocketChannel channel, java.nio.ByteBuffer data) {
        return SelectorEvents.sockSendAll(this, channel, data);
    }

    /** Python's {@code getaddrinfo}: resolves {@code host} in the default executor (the JDK resolver blocks). */
    public Future<java.net.InetAddress[]> getAddrInfo(String host) {
        return SelectorEvents.getAddrInfo(this, host);
    }

    /** Python's {@code create_connection}: a TCP connection driving a new protocol from the factory. */
    public Coroutine<Transport> createConnection(java.util.function.Supplier<? extends Protocol> factory, String host, int port) {
        return createConnection(factory, host, port, null);
    }

    /** {@code create_connection(..., ssl=context)}: TLS, with {@code host} as the server name checked. */
    public Coroutine<Transport> createConnection(java.util.function.Supplier<? extends Protocol> factory, String host, int port,
                                                 javax.net.ssl.SSLContext ssl) {
        return new FutureCoroutine<>(loop -> SelectorEvents.createTransport(loop, SelectorEvents.connectTcp(loop, host, port),
                factory, SslProtocol.clientWrapper(loop, ssl, host)));
    }

    /** Python's {@code create_unix_connection}. */
    public Coroutine<Transport> createUnixConnection(java.util.function.Supplier<? extends Protocol> factory, java.nio.file.Path path) {
        return new FutureCoroutine<>(loop -> SelectorEvents.createTransport(loop, SelectorEvents.connectUnix(loop, path), factory, null));
    }

    /** Python's {@code create_server}: listens on host:port (port 0: any free port; host null: all interfaces). */
    public Coroutine<Server> createServer(java.util.function.Supplier<? extends Protocol> factory, String host, int port) {
        return createServer(factory, host, port, null);
    }

    public Coroutine<Server> createServer(java.util.function.Supplier<? extends Protocol> factory, String host, int port,
                                          javax.net.ssl.SSLContext ssl) {
        return new FutureCoroutine<>(loop -> Server.createTcp(loop, factory, host, port, SslProtocol.serverWrapper(loop, ssl),
                Streams.DEFAULT_BACKLOG));
    }

    /** Python's {@code create_unix_server}. */
    public Coroutine<Server> createUnixServer(java.util.function.Supplier<? extends Protocol> factory, java.nio.file.Path path) {
        return new FutureCoroutine<>(loop -> Server.createUnix(loop, factory, path, null, Streams.DEFAULT_BACKLOG));
    }

    /** Python's {@code loop.start_tls}: upgrades an open connection; the result is the TLS transport. */
    public Coroutine<Transport> startTls(Transport transport, Protocol protocol, javax.net.ssl.SSLContext ssl,
                                         boolean serverSide, String serverHostname) {
        return new FutureCoroutine<>(loop -> SslProtocol.startTls(loop, transport, protocol, ssl, serverSide, serverHostname));
    }

    /**
     * Python's {@code create_datagram_endpoint}: a UDP socket bound to {@code local} (null: an ephemeral
     * port) and, if {@code remote} is given, connected to it. Addresses must be resolved.
     */
    public Coroutine<DatagramTransport> createDatagramEndpoint(java.util.function.Supplier<? extends DatagramProtocol> factory,
                                                               java.net.SocketAddress local, java.net.SocketAddress remote) {
        return new FutureCoroutine<>(loop -> UdpTransport.create(loop, factory, local, remote));
    }

    // ---------------------------------------------------------------- errors and debug

    /** Replaces the handler for exceptions no one else handles (null restores the default). */
    public void setExceptionHandler(ExceptionHandler handler) {
        this.exceptionHandler = handler;
    }

    public ExceptionHandler getExceptionHandler() {
        return exceptionHandler;
    }

    /** Sends the context (message, exception, ...) to the exception handler, or logs it. */
    public void callExceptionHandler(Map<String, Object> context) {
        ExceptionHandler h = exceptionHandler;
        if (h != null) {
            try {
                h.handle(this, context);
                return;
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.ERROR, "Unhandled error in exception handler", t);
            }
        }
        defaultExceptionHandler(context);
    }

    public void defaultExceptionHandler(Map<String, Object> context) {
        Object ex = context.get("exception");
        String message = String.valueOf(context.getOrDefault("message", "Unhandled exception in event loop"));
        if (ex instanceof Throwable t) {
            LOG.log(System.Logger.Level.ERROR, message, t);
        } else {
            LOG.log(System.Logger.Level.ERROR, message);
        }
    }

    /**
     * Python's debug mode: slow callbacks are logged, calls of non-thread-safe methods from another
     * thread raise, and coroutines created from now on are tracked to report those never awaited.
     */
    public void setDebug(boolean enabled) {
        this.debug = enabled;
        if (enabled) {
            CoroutineTracker.enable();
        }
    }

    /** Debug mode logs callbacks that run at least this long (seconds of loop time; default 0.1). */
    public void setSlowCallbackDuration(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("setSlowCallbackDuration: " + seconds + " is not a duration");
        }
        this.slowCallbackDuration = seconds;
    }

    public double getSlowCallbackDuration() {
        return slowCallbackDuration;
    }

    public boolean getDebug() {
        return debug;
    }

    /** Debug mode: a non-thread-safe method called from a thread other than the running loop's. */
    private void checkThread(String method) {
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            throw new IllegalStateException("Non-thread-safe operation " + method + " invoked on an event loop other than"
                    + " the current one (called from " + Thread.currentThread().getName() + ", loop runs in " + t.getName()
                    + "); use callSoonThreadsafe or Asyncio.runCoroutineThreadsafe");
        }
    }

    private void checkClosed() {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
    }

    private void checkNotRunning() {
        if (isRunning()) {
            throw new IllegalStateException("This event loop is already running");
        }
        EventLoop other = RUNNING.get();
        if (other != null) {
            throw new IllegalStateException("Cannot run the event loop while another loop is running");
        }
    }

    /** The loop running in this thread, or null. */
    static EventLoop runningOrNull() {
        return RUNNING.get();
    }

    /** The loop running in this thread; throws naming the caller when there is none. */
    static EventLoop running(String what) {
        EventLoop loop = RUNNING.get();
        if (loop == null) {
            throw new IllegalStateException(what + ": no running event loop");
        }
        return loop;
    }

    /** Handles an exception nothing else handled: Python's loop.set_exception_handler callable. */
    @FunctionalInterface
    public interface ExceptionHandler {
        void handle(EventLoop loop, Map<String, Object> context);
    }

    /** Something registered with the selector: called on the loop thread when its key is ready. */
    interface IoHandler {
        void onReady(java.nio.channels.SelectionKey key);
    }
}
