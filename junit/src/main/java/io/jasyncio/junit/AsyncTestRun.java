package io.jasyncio.junit;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.AssertionFailedError;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One {@link AsyncTest} run, as {@code IsolatedAsyncioTestCase} does it: a fresh loop, the test
 * coroutine as its main task, {@code @BeforeEach}/{@code @AfterEach} around it on the same loop,
 * then the checks for what the test left behind. Returns the failure, or null.
 */
final class AsyncTestRun {
    /** How many loop iterations leaked tasks get to finish after being cancelled. */
    private static final int CLEANUP_ITERATIONS = 100;

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jasyncio-test-timeout");
        t.setDaemon(true);
        return t;
    });

    private final AsyncTest config;
    private final EventLoop loop;
    private final List<Map<String, Object>> reports = new ArrayList<>();
    private volatile String timedOutDump;

    private AsyncTestRun(AsyncTest config) {
        this.config = config;
        this.loop = config.virtualTime() ? new EventLoop(new VirtualClock()) : new EventLoop();
        loop.setDebug(config.debug());
        loop.setExceptionHandler((l, context) -> reports.add(context));
    }

    static Optional<String> disabledReason(Class<?> testClass, Method m) {
        Optional<Disabled> d = AnnotationSupport.findAnnotation(m, Disabled.class)
                .or(() -> AnnotationSupport.findAnnotation(testClass, Disabled.class));
        return d.map(x -> x.value().isEmpty() ? m.getName() + "() is @Disabled" : x.value());
    }

    static Throwable run(Class<?> testClass, Method test) {
        AsyncTest config = AnnotationSupport.findAnnotation(test, AsyncTest.class).orElseThrow();
        AsyncTestRun run;
        try {
            run = new AsyncTestRun(config);
        } catch (Throwable t) {
            return t;
        }
        return run.execute(testClass, test);
    }

    private Throwable execute(Class<?> testClass, Method test) {
        Throwable failure = null;
        try {
            Object instance = ReflectionSupport.newInstance(testClass);
            failure = lifecycle(instance, BeforeEach.class, HierarchyTraversalMode.TOP_DOWN);
            if (failure == null) {
                failure = runTest(instance, test);
            }
            failure = add(failure, lifecycle(instance, AfterEach.class, HierarchyTraversalMode.BOTTOM_UP));
        } catch (Throwable t) {
            failure = add(failure, t);
        }
        return add(failure, leftovers());
    }

    /** The test coroutine as the loop's main task, cancelled (with a task dump) if it runs too long. */
    private Throwable runTest(Object instance, Method test) throws Throwable {
        Object result = invoke(instance, test);
        if (!(result instanceof Coroutine<?> coro)) {
            return new AssertionFailedError("@AsyncTest " + test.getName() + "() must be an @Async method returning a Coroutine; it returned "
                    + result);
        }
        Task<?> task = loop.createTask(coro, test.getName());
        ScheduledFuture<?> watchdog = null;
        if (config.timeout() > 0) {
            watchdog = WATCHDOG.schedule(() -> loop.callSoonThreadsafe(() -> {
                if (!task.isDone()) {
                    timedOutDump = loop.dumpTasks().pstree();
                    task.cancel("timed out");
                }
            }), (long) (config.timeout() * 1e9), TimeUnit.NANOSECONDS);
        }
        try {
            loop.runUntilComplete(task);
            return null;
        } catch (CancellationException e) {
            String dump = timedOutDump;
            if (dump != null) {
                AssertionFailedError timeout = new AssertionFailedError("@AsyncTest " + test.getName() + "() timed out after "
                        + config.timeout() + " s; its tasks were:" + System.lineSeparator() + dump);
                timeout.addSuppressed(e);
                return timeout;
            }
            return e;
        } catch (Throwable t) {
            return t;
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
    }

    /** @BeforeEach / @AfterEach methods; one returning a Coroutine runs to completion on the test's loop. */
    private Throwable lifecycle(Object instance, Class<? extends java.lang.annotation.Annotation> kind, HierarchyTraversalMode order) {
        Throwable failure = null;
        for (Method m : ReflectionSupport.findMethods(instance.getClass(), x -> AnnotationSupport.isAnnotated(x, kind), order)) {
            try {
                Object r = invoke(instance, m);
                if (r instanceof Coroutine<?> c) {
                    loop.runUntilComplete(c);
                }
            } catch (Throwable t) {
                failure = add(failure, t);
                if (kind == BeforeEach.class) {
                    break;
                }
            }
        }
        return failure;
    }

    /**
     * The class's static {@code @BeforeAll} (superclass first) or {@code @AfterAll} (subclass first)
     * methods; one returning a Coroutine runs to completion with {@code Asyncio.run}, on a loop of its
     * own (each test gets a fresh loop, so nothing made on this one may outlive the method).
     */
    static Throwable classLifecycle(Class<?> testClass, Class<? extends java.lang.annotation.Annotation> kind) {
        boolean before = kind == BeforeAll.class;
        Throwable failure = null;
        for (Method m : ReflectionSupport.findMethods(testClass, x -> AnnotationSupport.isAnnotated(x, kind),
                before ? HierarchyTraversalMode.TOP_DOWN : HierarchyTraversalMode.BOTTOM_UP)) {
            try {
                if (!ModifierSupport.isStatic(m)) {
                    throw new org.junit.platform.commons.JUnitException("@" + kind.getSimpleName() + " method '" + m
                            + "' must be static (the @AsyncTest engine makes a new instance per test)");
                }
                Object r = invoke(null, m);
                if (r instanceof Coroutine<?> c) {
                    Asyncio.run(c);
                }
            } catch (Throwable t) {
                failure = add(failure, t);
                if (before) {
                    break;
                }
            }
        }
        return failure;
    }

    private static Object invoke(Object instance, Method m) throws Throwable {
        m.setAccessible(true);
        try {
            return m.invoke(instance);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** What the test left behind: pending tasks, registered channels, reports to the exception handler. */
    private Throwable leftovers() {
        Throwable failure = null;
        List<Task<?>> pending = loop.allTasks();
        if (!pending.isEmpty()) {
            failure = new AssertionFailedError("the test left " + pending.size() + " pending task(s); cancel or await them:"
                    + System.lineSeparator() + loop.dumpTasks().pstree());
            for (Task<?> t : pending) {
                t.cancel();
            }
            for (int i = 0; i < CLEANUP_ITERATIONS && !loop.allTasks().isEmpty(); i++) {
                loop.callSoon(loop::stop);
                loop.runForever();
            }
            reports.removeIf(r -> r.get("exception") instanceof CancellationException);
        }
        List<?> channels = loop.registeredChannels();
        if (!channels.isEmpty()) {
            failure = add(failure, new AssertionFailedError("the test left " + channels.size()
                    + " channel(s) registered with the loop (an unclosed transport, server or reader?): " + channels));
            for (Object ch : channels) {
                try {
                    ((java.nio.channels.Channel) ch).close();
                } catch (java.io.IOException ignored) {
                    // best effort: the test has failed already
                }
            }
        }
        loop.shutdownDefaultExecutor();
        loop.close();   // reports failures nobody retrieved (and, in debug mode, coroutines never awaited)
        for (Map<String, Object> r : reports) {
            String message = String.valueOf(r.get("message"));
            if (message.startsWith("Task was destroyed but it is pending")) {
                continue;   // already reported as a leaked task
            }
            Object cause = r.get("exception") != null ? r.get("exception") : r.get("source_traceback");
            failure = add(failure, new AssertionFailedError("the loop reported: " + message
                    + (r.get("exception") instanceof Throwable t ? " (" + t + ")" : ""), cause instanceof Throwable t ? t : null));
        }
        return failure;
    }

    static Throwable add(Throwable first, Throwable next) {
        if (next == null) {
            return first;
        }
        if (first == null) {
            return next;
        }
        if (first != next) {
            first.addSuppressed(next);
        }
        return first;
    }
}
