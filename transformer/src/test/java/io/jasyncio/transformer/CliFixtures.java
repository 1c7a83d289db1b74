package io.jasyncio.transformer;

import java.nio.file.Path;
import java.util.Map;

/** Gives tests in other packages the project fixture of {@link TestSupport}. */
public final class CliFixtures {
    private CliFixtures() {
    }

    public static Path project(Path tmp, String name, String source) {
        return TestSupport.project(tmp, Map.of(name, source));
    }

    /** Compiles {@code sources} into {@code tmp/dir} against the stubs and {@code classpath}. */
    public static Path compile(Path tmp, String dir, java.util.List<Path> classpath, Map<String, String> sources) {
        Path stubs = tmp.resolve("stubs");
        if (!java.nio.file.Files.isDirectory(stubs.resolve("io/jasyncio"))) {
            TestSupport.compileStubs(stubs);
        }
        java.util.List<Path> cp = new java.util.ArrayList<>(classpath);
        cp.add(stubs);
        Path out = tmp.resolve(dir);
        TestSupport.compile(out, cp, sources);
        return out;
    }

    public static Path stubs(Path tmp) {
        return tmp.resolve("stubs");
    }
}
