package io.jasyncio.it.woven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.it.shapes.ShapesTestAccess;
import io.jasyncio.it.support.InMemoryCompiler;
import io.jasyncio.it.support.TestPaths;
import io.jasyncio.transformer.ClassLoaderHierarchy;
import io.jasyncio.transformer.WeaveResult;
import io.jasyncio.transformer.Weaver;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One pipeline, one output: the command-line weaver ({@code java -jar jasyncio-transformer.jar}) run on
 * the unwoven shape classes writes byte for byte what the {@link Weaver} facade returns for them in-process.
 */
class CommandLineWeavingTest {
    @Test
    void theCommandLineWeaverWritesWhatTheWeaverReturns(@TempDir Path dir) throws Exception {
        Path module = TestPaths.moduleDir();
        Map<String, String> sources = new LinkedHashMap<>();
        List<Class<?>> classes = new ArrayList<>(ShapesTestAccess.shapeClasses());
        classes.addAll(List.of(ShapesTestAccess.supportClasses()));
        for (Class<?> c : classes) {
            String rel = c.getName().replace('.', '/') + ".java";
            Path file = Files.isRegularFile(module.resolve("src/test/java").resolve(rel))
                    ? module.resolve("src/test/java").resolve(rel) : module.resolve("src/test/java21").resolve(rel);
            sources.put(c.getName(), Files.readString(file));
        }
        Path runtime = TestPaths.locationOf(Coroutine.class);
        Path annotations = TestPaths.locationOf(Async.class);
        Map<String, byte[]> unwoven = new InMemoryCompiler(List.of(runtime, annotations),
                Runtime.version().feature() >= 21 ? 21 : 17).compile(sources);
        Path byCli = dir.resolve("cli");
        Path input = dir.resolve("input");
        for (Map.Entry<String, byte[]> e : unwoven.entrySet()) {
            for (Path root : List.of(byCli, input)) {
                Path out = root.resolve(e.getKey().replace('.', '/') + ".class");
                Files.createDirectories(out.getParent());
                Files.write(out, e.getValue());
            }
        }

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", TestPaths.locationOf(Weaver.class).toString(),
                "--classpath", runtime + File.pathSeparator + annotations, byCli.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        // a safety net for a hung child, not a synchronisation: readAllBytes already waited for its exit
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command-line weaver did not exit");
        assertEquals(0, p.exitValue(), output);

        int woven = 0;
        try (URLClassLoader view = new URLClassLoader(new URL[] {input.toUri().toURL(), runtime.toUri().toURL(),
                annotations.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Weaver weaver = new Weaver(new ClassLoaderHierarchy(view));
            for (Map.Entry<String, byte[]> e : unwoven.entrySet()) {
                WeaveResult r = weaver.weave(e.getValue());
                Path written = byCli.resolve(e.getKey().replace('.', '/') + ".class");
                assertArrayEquals(r.bytes(), Files.readAllBytes(written), () -> "differs: " + written);
                for (Map.Entry<String, byte[]> g : r.generatedClasses().entrySet()) {
                    Path frame = byCli.resolve(g.getKey() + ".class");
                    assertTrue(Files.isRegularFile(frame), () -> "the command line did not write " + frame);
                    assertArrayEquals(g.getValue(), Files.readAllBytes(frame), () -> "differs: " + frame);
                }
                woven += r.changed() ? 1 : 0;
            }
        }
        assertTrue(woven >= classes.size() - 3, "expected the shape classes woven, got " + woven);
    }
}
