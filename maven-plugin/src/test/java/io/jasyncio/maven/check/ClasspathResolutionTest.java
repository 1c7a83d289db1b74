package io.jasyncio.maven.check;

import static io.jasyncio.maven.check.CheckerFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Symbols found only in compiled form, as in a real build: the runtime in a jar, a sibling module as a
 * classes directory whose classes link against that jar.
 */
class ClasspathResolutionTest {
    @TempDir
    Path work;

    @Test
    void coroutinesFromAJarAndASiblingClassesDirectoryResolve() throws Exception {
        // the "runtime": the fixture's io.jasyncio sources, compiled and jarred
        Path runtimeSources = work.resolve("runtime-src");
        new CheckerFixture(runtimeSources, true);
        Path runtimeClasses = compile(runtimeSources, work.resolve("runtime-classes"), List.of());
        Path runtimeJar = jar(runtimeClasses, work.resolve("runtime.jar"));

        // the sibling module: compiled against the jar, present only as a classes directory
        Path libSources = work.resolve("lib-src");
        Files.createDirectories(libSources.resolve("lib"));
        Files.writeString(libSources.resolve("lib/Client.java"), lines(
                "package lib;",
                "import io.jasyncio.*;",
                "public class Client {",
                "  @Async public Coroutine<String> fetch() { return Asyncio.completed(\"x\"); }",
                "  public String cached() { return \"y\"; }",
                "}"), StandardCharsets.UTF_8);
        Path libClasses = compile(libSources, work.resolve("lib-classes"), List.of(runtimeJar));

        Path appSources = work.resolve("app-src");
        Path app = appSources.resolve("app/App.java");
        Files.createDirectories(app.getParent());
        Files.writeString(app, lines(
                "package app;",
                "import io.jasyncio.*;",
                "import lib.Client;",
                "class App {",
                "  @Async Coroutine<Void> main(Client client) throws Exception {",
                "    client.fetch();",                         // dropped: only the classes directory knows
                "    client.cached();",
                "    Asyncio.sleep(1);",                       // dropped: only the jar knows
                "    new java.io.FileInputStream(\"f\").read();", // blocking, an override in the JDK
                "    return Asyncio.completed();",
                "  }",
                "}"), StandardCharsets.UTF_8);

        List<Finding> findings;
        try (SourceChecker checker = new SourceChecker(List.of(appSources), List.of(runtimeJar, libClasses),
                StandardCharsets.UTF_8)) {
            assertEquals(List.of(), checker.setupWarnings());
            findings = checker.check(app);
        }
        List<String> found = findings.stream().map(f -> f.rule().id() + "@" + f.line())
                .collect(Collectors.toList());
        assertEquals(List.of("dropped-coroutine@6", "dropped-coroutine@8", "blocking-call@9"), found);
    }

    @Test
    void aCorruptJarIsReportedAndTheCheckStillRuns() throws Exception {
        Path bad = work.resolve("bad.jar");
        Files.writeString(bad, "not a zip");
        Path sources = work.resolve("src");
        CheckerFixture fixture = new CheckerFixture(sources, false);
        Path file = fixture.write("demo/Snippet.java", lines(
                "package demo;",
                "class Snippet { void m() { io.jasyncio.Asyncio.await(null); } }"));
        try (SourceChecker checker = new SourceChecker(List.of(sources), List.of(bad), StandardCharsets.UTF_8)) {
            assertTrue(checker.setupWarnings().get(0).contains("bad.jar"), checker.setupWarnings().toString());
            assertEquals(Rule.AWAIT_OUTSIDE_ASYNC, checker.check(file).get(0).rule());
        }
    }

    private static Path compile(Path sources, Path out, List<Path> classpath) throws IOException {
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17", "-proc:none"));
        if (!classpath.isEmpty()) {
            args.add("-classpath");
            args.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        }
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "javac failed");
        return out;
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
        return jar;
    }
}
