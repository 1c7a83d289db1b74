package io.jasyncio.it.support;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where things are: the module's source folders and the class path an in-process javac needs. */
public final class TestPaths {
    private TestPaths() {
    }

    /** The integration-tests module directory (surefire sets {@code basedir}). */
    public static Path moduleDir() {
        String dir = System.getProperty("jasyncio.it.dir", System.getProperty("basedir", System.getProperty("user.dir")));
        Path p = Path.of(dir).toAbsolutePath();
        if (!Files.isDirectory(p.resolve("src/test/java"))) {
            throw new IllegalStateException(p + " is not the integration-tests module: set -Djasyncio.it.dir");
        }
        return p;
    }

    /** The jar or directory a class was loaded from. */
    public static Path locationOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The class path for javac: the directories and jars the given classes come from. Derived from the
     * classes themselves because surefire may hide the real path behind a manifest-only jar.
     */
    public static List<Path> classpathOf(Class<?>... classes) {
        Set<Path> paths = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            paths.add(locationOf(c));
        }
        return List.copyOf(paths);
    }
}
