package io.jasyncio.transformer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: weaving directories and jars in place, and its exit statuses. */
class WeaveCommandTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return WeaveCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path project(String name, String source) {
        return io.jasyncio.transformer.CliFixtures.project(tmp, name, source);
    }

    @Test
    void weavesADirectory() {
        Path classes = project("p/Ok.java", """
                package p;
                import io.jasyncio.*;
                public class Ok { @Async static Coroutine<Object> f(Awaitable<Object> a) { return Asyncio.completed(Asyncio.await(a)); } }
                """);
        assertEquals(0, run("--classpath", tmp.resolve("stubs").toString(), classes.toString()), err());
        assertTrue(Files.exists(classes.resolve("p/Ok$f$Coroutine.class")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("woven 1 classes"));
    }

    @Test
    void weavesAJarInPlace() throws Exception {
        Path classes = project("p/Ok.java", """
                package p;
                import io.jasyncio.*;
                public class Ok { @Async static Coroutine<Object> f(Awaitable<Object> a) { return Asyncio.completed(Asyncio.await(a)); } }
                """);
        Path jar = tmp.resolve("app.jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new JarEntry("p/Ok.class"));
            j.write(Files.readAllBytes(classes.resolve("p/Ok.class")));
            j.closeEntry();
            j.putNextEntry(new JarEntry("readme.txt"));
            j.write("hi".getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        assertEquals(0, run("--classpath", tmp.resolve("stubs").toString(), jar.toString()), err());
        List<String> names = new ArrayList<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            j.stream().forEach(e -> names.add(e.getName()));
        }
        assertEquals(List.of("p/Ok.class", "p/Ok$f$Coroutine.class", "readme.txt"), names);
    }

    @Test
    void misuseExitsWithOneAndNamesFileAndLine() {
        Path classes = project("p/Bad.java", """
                package p;
                import io.jasyncio.*;
                public class Bad {
                    Object f(Awaitable<Object> a) {
                        return Asyncio.await(a);
                    }
                }
                """);
        assertEquals(1, run("--classpath", tmp.resolve("stubs").toString(), classes.toString()));
        assertTrue(err().contains("p/Bad.java:5: in p.Bad.f(): await(...) in a method that is not @Async"), err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run());
        assertTrue(err().contains("usage:"), err());
        assertEquals(2, run("--bogus", tmp.toString()));
        assertEquals(2, run("--classpath"));
        assertEquals(2, run(tmp.resolve("missing").toString()));
        assertTrue(err().contains("missing: no such directory or jar"), err());
        assertEquals(0, run("--help"));
    }
}
