package io.jasyncio.it.fuzz;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import io.jasyncio.it.support.InMemoryCompiler;
import io.jasyncio.it.support.MemoryClassLoader;
import io.jasyncio.it.support.TestPaths;
import io.jasyncio.it.support.WovenClassCheck;
import io.jasyncio.transformer.ClassHierarchy;
import io.jasyncio.transformer.WeaveResult;
import io.jasyncio.transformer.Weaver;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.objectweb.asm.ClassReader;

/**
 * Runs fuzz programs differentially: compiles each program and its synchronous twin in-process, weaves
 * the program with the transformer's {@link Weaver}, loads it in a fresh class loader, runs it on a
 * virtual-time loop under several schedules and compares every outcome with the twin's.
 */
final class FuzzRunner implements AutoCloseable {
    /** A whole program's runs may take this long before it counts as hung (a safety net, not a wait). */
    private static final long HANG_SECONDS = 30;

    private final InMemoryCompiler javac = new InMemoryCompiler(
            TestPaths.classpathOf(Coroutine.class, Async.class, AsyncSrc.class), 17, true);
    /** Class files without line numbers, local variable tables or parameter names: the weaver must not need them. */
    private final InMemoryCompiler javacNoDebug = new InMemoryCompiler(
            TestPaths.classpathOf(Coroutine.class, Async.class, AsyncSrc.class), 17, false);
    private ExecutorService runner = newRunner();
    /** Schedules compared so far (each runs the woven program once, and its twin unless it is a plain one). */
    private final AtomicLong schedulesRun = new AtomicLong();

    /** A program that compiled: its class files, unwoven. */
    record Compiled(String source, Map<String, byte[]> classes, boolean debugInfo) {
    }

    /** How a program went wrong; {@code kind} is what the shrinker preserves. */
    record Divergence(String kind, String detail) {
        @Override
        public String toString() {
            return kind + ": " + detail;
        }
    }

    /** Compiles programs and their twins in one javac run (javac's start-up dominates small programs). */
    List<Compiled> compile(List<String> sources) {
        return compile(sources, true);
    }

    List<Compiled> compile(List<String> sources, boolean debugInfo) {
        Map<String, String> units = new LinkedHashMap<>();
        for (String s : sources) {
            String name = Program.classNameOf(s);
            units.put(Program.PACKAGE + "." + name, s);
            units.put(Program.PACKAGE + "." + Program.syncName(name), Program.syncTwin(s));
        }
        Map<String, byte[]> all = (debugInfo ? javac : javacNoDebug).compile(units);
        List<Compiled> out = new ArrayList<>();
        for (String s : sources) {
            String prefix = Program.PACKAGE + "." + Program.classNameOf(s);
            Map<String, byte[]> mine = new LinkedHashMap<>();
            all.forEach((n, b) -> {
                if (n.equals(prefix) || n.startsWith(prefix + "$") || n.startsWith(prefix + "Sync")) {
                    mine.put(n, b);
                }
            });
            out.add(new Compiled(s, mine, debugInfo));
        }
        return out;
    }

    /** Weaves, verifies, loads and runs one compiled program; null when it behaves as its twin. */
    Divergence check(Compiled program, long seed) {
        String name = Program.PACKAGE + "." + Program.classNameOf(program.source());
        Map<String, byte[]> classes = new LinkedHashMap<>(program.classes());
        ClassLoader parent = FuzzRunner.class.getClassLoader();
        try {
            Weaver weaver = new Weaver(new MemoryHierarchy(classes, parent));
            WeaveResult woven = weaver.weave(classes.get(name));
            if (!woven.changed()) {
                return new Divergence("not woven", "the weaver left " + name + " unchanged");
            }
            classes.put(name, woven.bytes());
            woven.generatedClasses().forEach((internal, bytes) -> classes.put(internal.replace('/', '.'), bytes));
        } catch (Throwable t) {
            return new Divergence("weaver threw " + t.getClass().getName(), stackTrace(t));
        }
        MemoryClassLoader loader = new MemoryClassLoader(classes, parent);
        List<String> toVerify = new ArrayList<>();
        toVerify.add(name);
        classes.keySet().stream().filter(n -> n.startsWith(name + "$")).forEach(toVerify::add);
        for (String n : toVerify) {
            String problems = WovenClassCheck.asmProblems(classes.get(n), loader);
            if (!problems.isEmpty()) {
                return new Divergence("CheckClassAdapter rejects " + n, problems);
            }
            try {
                WovenClassCheck.link(n, loader);
            } catch (Throwable t) {
                return new Divergence("JVM rejects " + n + " (" + rootOf(t).getClass().getSimpleName() + ")", stackTrace(t));
            }
        }
        try {
            Method async = entry(loader.loadClass(name), AsyncSrc.class);
            Method sync = entry(loader.loadClass(Program.PACKAGE + "." + Program.syncName(Program.classNameOf(program.source()))), SyncSrc.class);
            return runner.submit(() -> compareRuns(async, sync, seed)).get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            runner.shutdownNow();   // its thread is stuck in the program; start a fresh one for the next
            runner = newRunner();
            return new Divergence("hung", "no outcome within " + HANG_SECONDS + " s");
        } catch (ExecutionException e) {
            return new Divergence("harness failure", stackTrace(e.getCause()));
        } catch (Exception e) {
            return new Divergence("harness failure", stackTrace(e));
        }
    }

    long schedulesRun() {
        return schedulesRun.get();
    }

    private Divergence compareRuns(Method async, Method sync, long seed) {
        ReferenceSrc probe = new ReferenceSrc(Schedule.of(Schedule.Mode.IMMEDIATE), 1_000_000);
        Outcome plain = runSync(sync, probe);
        int awaits = probe.count;
        int limit = awaits * 2 + 50;
        Random r = new Random(seed);
        List<Schedule> schedules = new ArrayList<>(List.of(Schedule.of(Schedule.Mode.IMMEDIATE),
                Schedule.of(Schedule.Mode.SOON), Schedule.of(Schedule.Mode.SLEEP), new Schedule(Schedule.Mode.MIXED, r.nextLong(), -1, -1)));
        if (awaits > 0) {
            schedules.add(Schedule.failing(r.nextInt(awaits), r.nextLong()));
            schedules.add(Schedule.cancelling(r.nextInt(awaits), r.nextLong()));
        }
        for (Schedule s : schedules) {
            schedulesRun.incrementAndGet();
            Outcome expected = s.failAt() < 0 && s.cancelAt() < 0 ? plain : runSync(sync, new ReferenceSrc(s, limit));
            Outcome actual = runAsync(async, s, limit);
            if (!expected.equals(actual)) {
                return new Divergence("diverges", "under " + s + "\n  expected " + expected + "\n  woven    " + actual);
            }
        }
        return null;
    }

    private static Outcome runSync(Method run, ReferenceSrc src) {
        StringBuilder log = new StringBuilder();
        try {
            Object v = run.invoke(null, args(src, log));
            return Outcome.of(v, log, null, src.sites);
        } catch (InvocationTargetException e) {
            return Outcome.of(null, log, e.getCause(), src.sites);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Outcome runAsync(Method run, Schedule schedule, int limit) {
        StringBuilder log = new StringBuilder();
        try (EventLoop loop = new EventLoop(new VirtualClock())) {
            // a program may leave a failed deferred awaitable unawaited, as its twin may: that is not news
            loop.setExceptionHandler((l, context) -> {
                if (!String.valueOf(context.get("message")).contains("never retrieved")) {
                    l.defaultExceptionHandler(context);
                }
            });
            ScheduledSrc src = new ScheduledSrc(loop, schedule, limit);
            Object v;
            try {
                Coroutine<?> coro = (Coroutine<?>) run.invoke(null, args(src, log));
                if (log.length() > 0 || src.count > 0) {
                    return Outcome.of(null, log, new IllegalStateException("calling the @Async method ran its body"), src.sites);
                }
                v = loop.runUntilComplete(loop.createTask(coro));
            } catch (InvocationTargetException e) {
                return Outcome.of(null, log, e.getCause(), src.sites);
            } catch (Throwable t) {
                return Outcome.of(null, log, t, src.sites);
            }
            return Outcome.of(v, log, null, src.sites);
        }
    }

    private static Object[] args(Object src, StringBuilder log) {
        Object[] a = new Object[2 + Program.ENTRY_ARGS.length];
        a[0] = src;
        a[1] = log;
        System.arraycopy(Program.ENTRY_ARGS, 0, a, 2, Program.ENTRY_ARGS.length);
        return a;
    }

    private static Method entry(Class<?> c, Class<?> src) throws NoSuchMethodException {
        return c.getMethod("run", src, StringBuilder.class, int.class, long.class, double.class, String.class, boolean.class);
    }

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-runner");
            t.setDaemon(true);
            return t;
        });
    }

    private static Throwable rootOf(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }

    /** The class hierarchy of the compiled classes first, then of the test class path, read from class files. */
    private static final class MemoryHierarchy implements ClassHierarchy {
        private final Map<String, byte[]> classes;
        private final ClassLoader parent;

        MemoryHierarchy(Map<String, byte[]> classes, ClassLoader parent) {
            this.classes = classes;
            this.parent = parent;
        }

        @Override
        public ClassInfo find(String internalName) {
            byte[] bytes = classes.get(internalName.replace('/', '.'));
            if (bytes == null) {
                try (java.io.InputStream in = parent.getResourceAsStream(internalName + ".class")) {
                    if (in == null) {
                        return null;
                    }
                    bytes = in.readAllBytes();
                } catch (java.io.IOException | RuntimeException e) {
                    // a jar re-installed under the running JVM reads as corrupt: ask the loaded class instead
                    return fromLoadedClass(internalName);
                }
            }
            ClassReader reader = new ClassReader(bytes);
            return new ClassInfo(reader.getClassName(), reader.getSuperName(), reader.getInterfaces(),
                    (reader.getAccess() & org.objectweb.asm.Opcodes.ACC_INTERFACE) != 0);
        }

        private ClassInfo fromLoadedClass(String internalName) {
            try {
                Class<?> c = Class.forName(internalName.replace('/', '.'), false, parent);
                String[] interfaces = java.util.Arrays.stream(c.getInterfaces())
                        .map(i -> i.getName().replace('.', '/')).toArray(String[]::new);
                return new ClassInfo(internalName, c.getSuperclass() == null ? null : c.getSuperclass().getName().replace('.', '/'),
                        interfaces, c.isInterface());
            } catch (ClassNotFoundException | LinkageError e) {
                return null;
            }
        }
    }
}
