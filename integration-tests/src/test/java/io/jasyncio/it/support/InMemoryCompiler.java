package io.jasyncio.it.support;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources held in memory with the running JDK's javac and returns the class files in
 * memory, so generated programs never touch the build's output directories.
 */
public final class InMemoryCompiler {
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final List<Path> classpath;
    private final int release;
    private final boolean debugInfo;

    /** A compiler that keeps debug information: line numbers, local variable tables, parameter names. */
    public InMemoryCompiler(List<Path> classpath, int release) {
        this(classpath, release, true);
    }

    /** @param debugInfo false for {@code -g:none} without {@code -parameters}: no names, no lines */
    public InMemoryCompiler(List<Path> classpath, int release, boolean debugInfo) {
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        this.classpath = List.copyOf(classpath);
        this.release = release;
        this.debugInfo = debugInfo;
    }

    /** Thrown when javac rejects the sources; the message lists javac's errors. */
    public static final class CompilationFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CompilationFailed(String message) {
            super(message);
        }
    }

    /**
     * @param sources source text by binary name of its top-level class ({@code a.b.Foo})
     * @return class files by binary name, nested and local classes included
     */
    public Map<String, byte[]> compile(Map<String, String> sources) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
        Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
        JavaFileManagerToMemory manager = new JavaFileManagerToMemory(standard, out);
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SourceText(name, text)));
        List<String> options = new ArrayList<>(List.of("--release", Integer.toString(release), "-proc:none", "-Xlint:none",
                "-nowarn", "-classpath", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
        options.addAll(debugInfo ? List.of("-g", "-parameters") : List.of("-g:none"));
        boolean ok = javac.getTask(null, manager, diagnostics, options, null, units).call();
        if (!ok) {
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            throw new CompilationFailed(errors);
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    private static final class SourceText extends SimpleJavaFileObject {
        private final String text;

        SourceText(String binaryName, String text) {
            super(URI.create("mem:///" + binaryName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    private static final class ClassBytes extends SimpleJavaFileObject {
        private final ByteArrayOutputStream bytes;

        ClassBytes(String binaryName, ByteArrayOutputStream bytes) {
            super(URI.create("mem:///" + binaryName.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
            this.bytes = bytes;
        }

        @Override
        public OutputStream openOutputStream() {
            return bytes;
        }
    }

    /** Sends javac's class output to memory; reads everything else from the real class path. */
    private static final class JavaFileManagerToMemory extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> out;

        JavaFileManagerToMemory(StandardJavaFileManager standard, Map<String, ByteArrayOutputStream> out) {
            super(standard);
            this.out = out;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            if (location != StandardLocation.CLASS_OUTPUT || kind != JavaFileObject.Kind.CLASS) {
                throw new IllegalArgumentException("unexpected output " + location + " " + className);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            out.put(className, bytes);
            return new ClassBytes(className, bytes);
        }
    }
}
