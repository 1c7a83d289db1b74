package io.jasyncio.transformer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The class hierarchy of a build: class files in directories and jars (first entry wins, as on a class
 * path), then the JDK's own classes through the {@code jrt:} file system. Nothing is ever loaded.
 * Jars stay open until {@link #close()}; lookups are cached and safe from several threads.
 */
public final class ClasspathHierarchy implements ClassHierarchy, AutoCloseable {
    private final List<Path> directories = new ArrayList<>();
    private final List<ZipFile> jars = new ArrayList<>();
    private final Map<String, Optional<ClassInfo>> cache = new ConcurrentHashMap<>();
    private final Map<String, List<Path>> jdkPackages = new ConcurrentHashMap<>();
    private final FileSystem jrt;

    /** @param classpath directories and jars; entries that do not exist are skipped, as javac does */
    public ClasspathHierarchy(List<Path> classpath) {
        for (Path entry : classpath) {
            if (Files.isDirectory(entry)) {
                directories.add(entry);
            } else if (Files.isRegularFile(entry)) {
                try {
                    jars.add(new ZipFile(entry.toFile()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open class path entry " + entry + ": " + e.getMessage(), e);
                }
            }
        }
        jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    }

    @Override
    public ClassInfo find(String internalName) {
        return cache.computeIfAbsent(internalName, n -> Optional.ofNullable(read(n))).orElse(null);
    }

    private ClassInfo read(String name) {
        try {
            byte[] bytes = bytesOf(name);
            return bytes == null ? null : ClassInfo.fromClassFile(bytes);
        } catch (IOException | RuntimeException e) {
            return null;   // unreadable counts as absent: the weaver names missing classes when it matters
        }
    }

    private byte[] bytesOf(String name) throws IOException {
        String file = name + ".class";
        for (Path dir : directories) {
            Path p = dir.resolve(file);
            if (Files.isRegularFile(p)) {
                return Files.readAllBytes(p);
            }
        }
        for (ZipFile jar : jars) {
            ZipEntry e = jar.getEntry(file);
            if (e != null) {
                try (var in = jar.getInputStream(e)) {
                    return in.readAllBytes();
                }
            }
        }
        int slash = name.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        for (Path module : modulesOf(name.substring(0, slash).replace('/', '.'))) {
            Path p = module.resolve(file);
            if (Files.isRegularFile(p)) {
                return Files.readAllBytes(p);
            }
        }
        return null;
    }

    /** The JDK modules holding a package ({@code /packages/<pkg>/<module>} in the jrt file system). */
    private List<Path> modulesOf(String pkg) {
        return jdkPackages.computeIfAbsent(pkg, p -> {
            Path dir = jrt.getPath("/packages", p);
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> links = Files.list(dir)) {
                return links.map(l -> jrt.getPath("/modules", l.getFileName().toString())).sorted().toList();
            } catch (IOException e) {
                return List.of();
            }
        });
    }

    @Override
    public void close() throws IOException {
        for (ZipFile jar : jars) {
            jar.close();
        }
    }
}
