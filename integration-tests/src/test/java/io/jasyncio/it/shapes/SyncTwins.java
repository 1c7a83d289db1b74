package io.jasyncio.it.shapes;

import io.jasyncio.it.support.InMemoryCompiler;
import io.jasyncio.it.support.MemoryClassLoader;
import io.jasyncio.it.support.TestPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The reference semantics of the shapes, written once: the very source files of the shape classes,
 * compiled again in-process against a synchronous stand-in of the API (src/test/sync-shim), where
 * {@code await(x)} simply evaluates x. Loaded child-first, so the stand-in replaces io.jasyncio.
 */
final class SyncTwins {
    private static final List<String> SOURCE_ROOTS = List.of("src/test/java", "src/test/java21");

    private SyncTwins() {
    }

    /**
     * A loader holding the shim and a synchronous twin of every given (top-level) shape class, with the
     * plain classes they need ({@code support}) compiled beside them.
     */
    static ClassLoader load(List<Class<?>> shapeClasses, List<Class<?>> support) {
        Path module = TestPaths.moduleDir();
        Map<String, String> sources = new LinkedHashMap<>();
        boolean java21 = false;
        List<Class<?>> all = new java.util.ArrayList<>(shapeClasses);
        all.addAll(support);
        for (Class<?> c : all) {
            String path = c.getName().replace('.', '/') + ".java";
            Path file = SOURCE_ROOTS.stream().map(root -> module.resolve(root).resolve(path)).filter(Files::isRegularFile)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no source for " + c.getName()));
            java21 |= file.startsWith(module.resolve("src/test/java21"));
            sources.put(c.getName(), read(file));
        }
        sources.put(Src.class.getName(), read(module.resolve("src/test/java/" + Src.class.getName().replace('.', '/') + ".java")));
        Path shim = module.resolve("src/test/sync-shim");
        try (Stream<Path> files = Files.walk(shim)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                String rel = shim.relativize(p).toString();
                sources.put(rel.substring(0, rel.length() - 5).replace('/', '.'), read(p));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // only the JDK on the class path: everything else the twins see is the stand-in
        InMemoryCompiler javac = new InMemoryCompiler(List.of(), java21 ? 21 : 17);
        return new MemoryClassLoader(javac.compile(sources), ClassLoader.getPlatformClassLoader());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
