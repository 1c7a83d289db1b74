package io.jasyncio.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the line of a marker comment in a test source, so line assertions survive edits above it. */
public final class SourceLines {
    private SourceLines() {
    }

    /** The 1-based line of {@code // LINE:marker} in the top-level class's source under src/test/java. */
    public static int lineOf(Class<?> topLevel, String marker) {
        Path file = TestPaths.moduleDir().resolve("src/test/java").resolve(topLevel.getName().replace('.', '/') + ".java");
        try {
            List<String> lines = Files.readAllLines(file);
            int found = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("// LINE:" + marker)) {
                    if (found > 0) {
                        throw new IllegalStateException("marker " + marker + " twice in " + file);
                    }
                    found = i + 1;
                }
            }
            if (found < 0) {
                throw new IllegalStateException("no marker " + marker + " in " + file);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
