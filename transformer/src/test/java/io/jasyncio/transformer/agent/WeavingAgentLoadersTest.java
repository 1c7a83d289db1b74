package io.jasyncio.transformer.agent;

import io.jasyncio.transformer.CliFixtures;
import io.jasyncio.transformer.Weaver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent under parallel class loading and with several class loaders (issue 4): frames are defined in
 * the owner's loader and package, once per loader, with no duplicate definitions and no errors.
 */
class WeavingAgentLoadersTest {
    /** Distinct owner classes loaded in parallel through one loader. */
    private static final int CLASSES = 16;
    private static final int THREADS = 8;
    /** Loaders that each load their own copy of {@code p.Same}. */
    private static final int LOADERS = 4;

    @TempDir
    Path tmp;

    /** A harness on the system class path; owners live outside it and are loaded through URLClassLoaders. */
    private static final String HARNESS = """
            package harness;
            import io.jasyncio.*;
            import java.lang.reflect.Method;
            import java.net.URL;
            import java.net.URLClassLoader;
            import java.nio.file.Path;
            import java.util.*;
            import java.util.concurrent.CyclicBarrier;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.TimeUnit;
            public class Main {
                /** Child-first over its own URLs (except the runtime and the JDK), parallel capable. */
                static final class ChildFirst extends URLClassLoader {
                    static { registerAsParallelCapable(); }
                    ChildFirst(URL[] urls, ClassLoader parent) { super(urls, parent); }
                    @Override protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                        synchronized (getClassLoadingLock(name)) {
                            Class<?> c = findLoadedClass(name);
                            if (c == null && !name.startsWith("java.") && !name.startsWith("io.jasyncio.")) {
                                try { c = findClass(name); } catch (ClassNotFoundException e) { }
                            }
                            if (c == null) { return super.loadClass(name, resolve); }
                            if (resolve) { resolveClass(c); }
                            return c;
                        }
                    }
                }

                /** Loads and initialises owner, runs run(pending) with value k, checks frames; returns the frames. */
                static List<Class<?>> check(ClassLoader loader, String name, int k, int expected) throws Exception {
                    Class<?> owner = Class.forName(name, true, loader);
                    if (owner.getClassLoader() != loader) throw new AssertionError(name + " not defined by its loader");
                    Method run = owner.getMethod("run", Awaitable.class);
                    Coroutine<?> c = (Coroutine<?>) run.invoke(null, io.jasyncio.Future.pending());
                    c.start();
                    Coroutine<?> inner = c.innermost();
                    c.resume(k, false);
                    if (!c.finished || c.failure != null || !Integer.valueOf(expected).equals(c.result)) {
                        throw new AssertionError(name + ": " + c.result + " / " + c.failure);
                    }
                    List<Class<?>> frames = List.of(c.getClass(), inner.getClass());
                    for (Class<?> f : frames) {
                        if (f.getClassLoader() != owner.getClassLoader()) throw new AssertionError(f + " in " + f.getClassLoader());
                        if (!f.getPackageName().equals(owner.getPackageName())) throw new AssertionError(f + " package");
                        if (Class.forName(f.getName(), false, loader) != f) throw new AssertionError(f + " not found by name");
                    }
                    return frames;
                }

                public static void main(String[] args) throws Exception {
                    ClassLoader app = Main.class.getClassLoader();
                    switch (args[0]) {
                        case "parallel" -> parallel(Path.of(args[1]).toUri().toURL(), app);
                        case "siblings" -> siblings(Path.of(args[1]).toUri().toURL(), app);
                        case "hierarchy" -> hierarchy(Path.of(args[1]).toUri().toURL(), Path.of(args[2]).toUri().toURL(), app);
                        default -> throw new IllegalArgumentException(args[0]);
                    }
                }

                static void parallel(URL owners, ClassLoader app) throws Exception {
                    int classes = Integer.parseInt(System.getProperty("classes"));
                    int threads = Integer.parseInt(System.getProperty("threads"));
                    int loaders = Integer.parseInt(System.getProperty("loaders"));
                    URLClassLoader shared = new URLClassLoader(new URL[]{owners}, app);
                    if (!shared.isRegisteredAsParallelCapable()) throw new AssertionError("not parallel capable");
                    List<URLClassLoader> many = new ArrayList<>();
                    for (int i = 0; i < loaders; i++) many.add(new URLClassLoader(new URL[]{owners}, app));
                    CyclicBarrier start = new CyclicBarrier(threads);
                    // daemon threads and a bounded wait: a failure exits the JVM at once instead of hanging it
                    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                        Thread th = new Thread(r);
                        th.setDaemon(true);
                        return th;
                    });
                    List<java.util.concurrent.Future<List<String>>> results = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        int id = t;
                        results.add(pool.submit(() -> {
                            List<String> done = new ArrayList<>();
                            start.await(30, TimeUnit.SECONDS);
                            for (int i = id; i < classes; i += threads) {
                                check(shared, "p.C" + i, 100, 100 + i);
                                done.add("p.C" + i);
                                if (i == id) {
                                    // the same name through several loaders, two threads per loader
                                    URLClassLoader l = many.get(id % loaders);
                                    check(l, "p.Same", 7, 14);
                                    done.add("p.Same@" + (id % loaders));
                                }
                            }
                            return done;
                        }));
                    }
                    TreeSet<String> all = new TreeSet<>();
                    for (var r : results) all.addAll(r.get(60, TimeUnit.SECONDS));
                    pool.shutdown();
                    Set<Class<?>> same = new HashSet<>();
                    for (URLClassLoader l : many) same.add(Class.forName("p.Same", false, l));
                    if (same.size() != loaders) throw new AssertionError("p.Same shared between loaders");
                    System.out.println(all.size() + " loaded");
                }

                static void siblings(URL owners, ClassLoader app) throws Exception {
                    URLClassLoader a = new URLClassLoader(new URL[]{owners}, app);
                    URLClassLoader b = new URLClassLoader(new URL[]{owners}, app);
                    List<Class<?>> fa = check(a, "p.Same", 1, 2);
                    List<Class<?>> fb = check(b, "p.Same", 2, 4);
                    for (int i = 0; i < fa.size(); i++) {
                        Class<?> x = fa.get(i), y = fb.get(i);
                        if (x == y || !x.getName().equals(y.getName()) || x.getClassLoader() != a || y.getClassLoader() != b) {
                            throw new AssertionError(x + " / " + y);
                        }
                        System.out.println(x.getName() + " in each sibling");
                    }
                }

                static void hierarchy(URL base, URL child, ClassLoader app) throws Exception {
                    URLClassLoader parent = new URLClassLoader(new URL[]{base}, app);
                    for (ClassLoader c : List.of(new URLClassLoader(new URL[]{child}, parent),
                            new ChildFirst(new URL[]{child}, parent))) {
                        Class<?> owner = Class.forName("q.Child", true, c);
                        Method run = owner.getMethod("run", Awaitable.class);
                        Coroutine<?> co = (Coroutine<?>) run.invoke(null, io.jasyncio.Future.pending());
                        co.start();
                        Class<?> inner = co.innermost().getClass();
                        co.resume(20, false);
                        if (!Integer.valueOf(41).equals(co.result) || co.failure != null) throw new AssertionError(co.result + " " + co.failure);
                        Class<?> base0 = Class.forName("lib.Base", false, c);
                        if (owner.getClassLoader() != c || co.getClass().getClassLoader() != c
                                || base0.getClassLoader() != parent || inner.getClassLoader() != parent
                                || !inner.getPackageName().equals("lib") || !co.getClass().getPackageName().equals("q")) {
                            throw new AssertionError(co.getClass() + " " + inner);
                        }
                        System.out.println(c.getClass().getSimpleName() + ": " + co.result + " " + co.getClass().getName()
                                + " awaited " + inner.getName());
                    }
                }
            }
            """;

    /**
     * A second agent, after the weaving one: sees every class the JVM is asked to define (the woven owner,
     * and each frame the agent defines), reports a second definition of a name in one loader on stderr, and
     * writes the bytes to {@code <dir>/<loader number>/<name>.class} for comparison with build-time weaving.
     */
    private static final String SPY = """
            package harness;
            import java.lang.instrument.*;
            import java.nio.file.*;
            import java.security.ProtectionDomain;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            public class Spy {
                static final Map<ClassLoader, Integer> IDS = Collections.synchronizedMap(new WeakHashMap<>());
                static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
                public static void premain(String dir, Instrumentation inst) {
                    Path out = Path.of(dir);
                    inst.addTransformer(new ClassFileTransformer() {
                        @Override public byte[] transform(ClassLoader l, String name, Class<?> r, ProtectionDomain d, byte[] b) {
                            if (l == null || name == null || !(name.startsWith("p/") || name.startsWith("q/") || name.startsWith("lib/"))) {
                                return null;
                            }
                            String key = IDS.computeIfAbsent(l, x -> IDS.size()) + "/" + name;
                            if (!SEEN.add(key)) {
                                System.err.println("defined twice: " + key);
                            }
                            try {
                                Path f = out.resolve(key + ".class");
                                Files.createDirectories(f.getParent());
                                Files.write(f, b);
                            } catch (Exception e) {
                                System.err.println("spy: " + e);
                            }
                            return null;
                        }
                    });
                }
            }
            """;

    /** Two frames per owner: run awaits inner, which awaits the pending future. */
    private static String owner(String name, String plus) {
        return """
                package p;
                import io.jasyncio.*;
                public class %s {
                    @Async static Coroutine<Integer> inner(Awaitable<Integer> a) {
                        int v = Asyncio.await(a);
                        return Asyncio.completed(v);
                    }
                    @Async public static Coroutine<Integer> run(Awaitable<Integer> a) {
                        int v = Asyncio.await(inner(a));
                        return Asyncio.completed(%s);
                    }
                }
                """.formatted(name, plus);
    }

    @Test
    void parallelLoadingThroughOneLoaderAndTheSameNameThroughSeveral() throws Exception {
        Map<String, String> owners = new HashMap<>();
        for (int i = 0; i < CLASSES; i++) {
            owners.put("p/C" + i + ".java", owner("C" + i, "v + " + i));
        }
        owners.put("p/Same.java", owner("Same", "v * 2"));
        Path dir = CliFixtures.compile(tmp, "owners", List.of(), owners);
        Path spied = tmp.resolve("spied");
        String out = run(List.of("-javaagent:" + spyAgent() + "=" + spied, "-Dclasses=" + CLASSES, "-Dthreads=" + THREADS, "-Dloaders=" + LOADERS),
                "parallel", dir.toString());
        assertEquals((CLASSES + LOADERS) + " loaded\n", out);
        // the shared loader defines the CLASSES owners, each other loader its p.Same; three classes per owner
        assertSameAsBuildTimeWeaving(dir, spied, 1 + LOADERS, CLASSES + 1, (CLASSES + LOADERS) * 3);
    }

    /**
     * Every class each loader defined is byte-identical to build-time weaving of the same directory, and
     * each loader defined exactly its owners and all of their frames (no more: no stray definitions).
     */
    private void assertSameAsBuildTimeWeaving(Path classes, Path spied, int loaders, int owners, int definitions) throws Exception {
        Path built = tmp.resolve("built");
        List<Path> files;
        try (var walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            Path to = built.resolve(classes.relativize(f).toString());
            Files.createDirectories(to.getParent());
            Files.copy(f, to);
        }
        try (io.jasyncio.transformer.ClasspathHierarchy h = new io.jasyncio.transformer.ClasspathHierarchy(
                List.of(built, CliFixtures.stubs(tmp)))) {
            new io.jasyncio.transformer.DirectoryWeaver(h).weave(built);
        }
        Map<String, byte[]> expected = new HashMap<>();
        try (var walk = Files.walk(built)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                expected.put(built.relativize(f).toString().replace(File.separatorChar, '/'), Files.readAllBytes(f));
            }
        }
        assertEquals(owners * 3, expected.size(), "build-time weaving: owners and two frames each " + expected.keySet());
        List<Path> loaderDirs;
        try (var list = Files.list(spied)) {
            loaderDirs = list.toList();
        }
        assertEquals(loaders, loaderDirs.size(), "loaders that defined classes");
        int defined = 0;
        for (Path l : loaderDirs) {
            try (var walk = Files.walk(l)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    String name = l.relativize(f).toString().replace(File.separatorChar, '/');
                    assertTrue(expected.containsKey(name), "not made by build-time weaving: " + name);
                    assertTrue(java.util.Arrays.equals(expected.get(name), Files.readAllBytes(f)),
                            name + " in loader " + l.getFileName() + " differs from build-time weaving");
                    defined++;
                }
            }
        }
        assertEquals(definitions, defined, "classes defined across loaders");
    }

    private Path spyAgent() throws Exception {
        Path spy = tmp.resolve("spy.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(new Attributes.Name("Premain-Class"), "harness.Spy");
        new JarOutputStream(Files.newOutputStream(spy), mf).close();
        return spy;
    }

    @Test
    void siblingLoadersEachDefineTheirOwnFrames() throws Exception {
        Path dir = CliFixtures.compile(tmp, "owners", List.of(), Map.of("p/Same.java", owner("Same", "v * 2")));
        String out = run(List.of(), "siblings", dir.toString());
        assertEquals("p.Same$run$Coroutine in each sibling\np.Same$inner$Coroutine in each sibling\n", out);
    }

    @Test
    void childOwnerAwaitsACoroutineOfItsParentLoader() throws Exception {
        Path base = CliFixtures.compile(tmp, "base", List.of(), Map.of("lib/Base.java", """
                package lib;
                import io.jasyncio.*;
                public class Base {
                    @Async public static Coroutine<Integer> twice(Awaitable<Integer> a) {
                        int v = Asyncio.await(a);
                        return Asyncio.completed(2 * v);
                    }
                }
                """));
        Path child = CliFixtures.compile(tmp, "child", List.of(base), Map.of("q/Child.java", """
                package q;
                import io.jasyncio.*;
                import lib.Base;
                public class Child {
                    @Async public static Coroutine<Integer> run(Awaitable<Integer> a) {
                        int v = Asyncio.await(Base.twice(a));
                        return Asyncio.completed(v + 1);
                    }
                }
                """));
        String out = run(List.of(), "hierarchy", base.toString(), child.toString());
        assertEquals("URLClassLoader: 41 q.Child$run$Coroutine awaited lib.Base$twice$Coroutine\n"
                + "ChildFirst: 41 q.Child$run$Coroutine awaited lib.Base$twice$Coroutine\n", out);
    }

    /** Runs the harness under the agent; asserts a clean exit and an empty stderr; returns stdout. */
    private String run(List<String> jvmOptions, String... args) throws Exception {
        Path harness = CliFixtures.compile(tmp, "harness", List.of(), Map.of("harness/Main.java", HARNESS, "harness/Spy.java", SPY));
        Path agent = tmp.resolve("agent.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(new Attributes.Name("Premain-Class"), WeavingAgent.class.getName());
        new JarOutputStream(Files.newOutputStream(agent), mf).close();

        List<String> cp = new ArrayList<>();
        for (Class<?> c : List.of(Weaver.class, org.objectweb.asm.ClassReader.class, org.objectweb.asm.tree.ClassNode.class,
                org.objectweb.asm.tree.analysis.Analyzer.class, org.objectweb.asm.util.CheckClassAdapter.class)) {
            cp.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        cp.add(harness.toString());
        cp.add(CliFixtures.stubs(tmp).toString());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, cp), "harness.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        boolean exited = p.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        String err = Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertTrue(exited, "the JVM did not exit: " + out + err);
        assertEquals(0, p.exitValue(), out + err);
        assertEquals("", err, "stderr of the agent's JVM");
        return out;
    }
}
