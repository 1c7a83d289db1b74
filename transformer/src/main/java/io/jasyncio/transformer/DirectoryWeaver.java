package io.jasyncio.transformer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Weaves every class file under a directory in place, writing frame classes beside their owners. All
 * classes are woven in memory first: if any has a problem, nothing is written and the exception carries
 * the diagnostics of every class. Files are visited in sorted order, so runs are deterministic.
 */
public final class DirectoryWeaver {
    /**
     * What a run did.
     *
     * @param wovenClasses  binary names of the rewritten classes, sorted
     * @param unchanged     class files left as they were
     * @param writtenFiles  every file written (woven classes and their frames), sorted
     */
    public record Report(List<String> wovenClasses, int unchanged, List<Path> writtenFiles) {
    }

    private final Weaver weaver;

    public DirectoryWeaver(ClassHierarchy hierarchy) {
        this.weaver = new Weaver(hierarchy);
    }

    /** Weaves every class file under {@code dir}. */
    public Report weave(Path dir) throws IOException, WeaveException {
        return weave(dir, p -> true);
    }

    /**
     * Weaves the class files under {@code dir} that {@code filter} accepts (given paths relative to
     * {@code dir}, e.g. {@code a/b/Foo.class}).
     */
    public Report weave(Path dir, Predicate<Path> filter) throws IOException, WeaveException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".class") && Files.isRegularFile(p))
                    .filter(p -> filter.test(dir.relativize(p)))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Map<Path, byte[]> out = new LinkedHashMap<>();
        List<String> woven = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        int unchanged = 0;
        for (Path file : files) {
            WeaveResult result;
            try {
                result = weaver.weave(Files.readAllBytes(file));
            } catch (WeaveException e) {
                for (Diagnostic d : e.diagnostics()) {
                    // A class that cannot even be read is best named by its file.
                    problems.add(d.line() < 0 && d.method() == null && d.message().startsWith("cannot read class")
                            ? new Diagnostic(d.className(), null, dir.relativize(file).toString(), -1, d.message()) : d);
                }
                continue;
            }
            if (!result.changed()) {
                unchanged++;
                continue;
            }
            woven.add(dir.relativize(file).toString().replace(java.io.File.separatorChar, '/')
                    .replaceAll("\\.class$", "").replace('/', '.'));
            out.put(file, result.bytes());
            for (Map.Entry<String, byte[]> g : result.generatedClasses().entrySet()) {
                out.put(dir.resolve(g.getKey() + ".class"), g.getValue());
            }
        }
        if (!problems.isEmpty()) {
            throw new WeaveException(problems);
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, byte[]> e : out.entrySet()) {
            Files.createDirectories(e.getKey().getParent());
            Files.write(e.getKey(), e.getValue());
            written.add(e.getKey());
        }
        written.sort(null);
        woven.sort(null);
        return new Report(List.copyOf(woven), unchanged, List.copyOf(written));
    }
}
