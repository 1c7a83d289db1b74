package io.jasyncio.transformer;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compiles small Java sources (with stubs of the runtime's ABI) and loads woven classes for tests. */
final class TestSupport {
    static final String[] STUBS = {"Async", "Awaitable", "AsyncCloseable", "Future", "Coroutine", "Asyncio"};

    private TestSupport() {
    }

    /** Compiles the stub runtime into {@code out}. */
    static void compileStubs(Path out) {
        Map<String, String> sources = new HashMap<>();
        for (String s : STUBS) {
            try (InputStream in = TestSupport.class.getResourceAsStream("/stubs/io/jasyncio/" + s + ".java")) {
                sources.put("io/jasyncio/" + s + ".java", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        compile(out, List.of(), sources);
    }

    /**
     * Compiles {@code sources} (path → code, e.g. {@code "p/Foo.java"}) into {@code out} with debug info,
     * {@code classpath} on the class path; fails the test with javac's messages on error.
     */
    static void compile(Path out, List<Path> classpath, Map<String, String> sources, String... options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                units.add(new SimpleJavaFileObject(URI.create("string:///" + e.getKey()), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return e.getValue();
                    }
                }));
        List<String> opts = new ArrayList<>(List.of("-g", "-d", out.toString(), "-proc:none"));
        if (!classpath.isEmpty()) {
            opts.add("-cp");
            opts.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        }
        opts.addAll(List.of(options));
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Files.createDirectories(out);
            if (!javac.getTask(diagnostics, fm, null, opts, null, units).call()) {
                throw new AssertionError("test sources do not compile:\n" + diagnostics);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A project: the stubs in {@code stubs/}, the test's classes in {@code classes/}. */
    static Path project(Path tmp, Map<String, String> sources) {
        Path stubs = tmp.resolve("stubs");
        if (!Files.isDirectory(stubs.resolve("io/jasyncio"))) {
            compileStubs(stubs);
        }
        Path classes = tmp.resolve("classes");
        compile(classes, List.of(stubs), sources);
        return classes;
    }

    static ClasspathHierarchy hierarchy(Path tmp) {
        return new ClasspathHierarchy(List.of(tmp.resolve("classes"), tmp.resolve("stubs")));
    }

    static byte[] read(Path classes, String internalName) {
        try {
            return Files.readAllBytes(classes.resolve(internalName + ".class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Weaves the directory in place and returns a fresh loader over it and the stubs (JVM-verified on load). */
    static ClassLoader weaveAndLoad(Path tmp) throws Exception {
        try (ClasspathHierarchy h = hierarchy(tmp)) {
            new DirectoryWeaver(h).weave(tmp.resolve("classes"));
        }
        return new java.net.URLClassLoader(new java.net.URL[]{tmp.resolve("classes").toUri().toURL(),
                tmp.resolve("stubs").toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    /** Calls a static method of a loaded class by name (the first one with that name). */
    static Object call(ClassLoader loader, String className, String method, Object... args) throws Exception {
        Class<?> c = Class.forName(className, true, loader);
        for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length && !m.isSynthetic()) {
                m.setAccessible(true);
                try {
                    return m.invoke(null, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw (Exception) (e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause()));
                }
            }
        }
        throw new AssertionError("no method " + method + " in " + className);
    }

    /** The stub coroutine's driver methods, reflectively (the stub is loaded by the test's own loader). */
    static final class Driven {
        final Object coroutine;

        Driven(Object coroutine) {
            this.coroutine = coroutine;
        }

        Driven start() throws Exception {
            invoke("start", new Class<?>[0]);
            return this;
        }

        Driven resume(Object value) throws Exception {
            invoke("resume", new Class<?>[]{Object.class, boolean.class}, value, false);
            return this;
        }

        Driven fail(Throwable t) throws Exception {
            invoke("resume", new Class<?>[]{Object.class, boolean.class}, t, true);
            return this;
        }

        boolean finished() throws Exception {
            return (boolean) field("finished");
        }

        Object result() throws Exception {
            return field("result");
        }

        Throwable failure() throws Exception {
            return (Throwable) field("failure");
        }

        StackTraceElement suspendedAt() throws Exception {
            Object inner = invoke("innermost", new Class<?>[0]);
            java.lang.reflect.Method m = inner.getClass().getMethod("suspendedAt");
            m.setAccessible(true);
            return (StackTraceElement) m.invoke(inner);
        }

        private Object field(String name) throws Exception {
            Class<?> base = coroutine.getClass();
            while (!base.getName().equals("io.jasyncio.Coroutine")) {
                base = base.getSuperclass();
            }
            return base.getField(name).get(coroutine);
        }

        private Object invoke(String name, Class<?>[] types, Object... args) throws Exception {
            Class<?> base = coroutine.getClass();
            while (!base.getName().equals("io.jasyncio.Coroutine")) {
                base = base.getSuperclass();
            }
            return base.getMethod(name, types).invoke(coroutine, args);
        }
    }

    /** A pending stub future (suspends whoever awaits it). */
    static Object pending(ClassLoader loader) throws Exception {
        return Class.forName("io.jasyncio.Future", true, loader).getMethod("pending").invoke(null);
    }
}
