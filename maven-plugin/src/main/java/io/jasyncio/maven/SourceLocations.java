package io.jasyncio.maven;

import io.jasyncio.transformer.Diagnostic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Turns a weaver diagnostic's package-relative source path into the file a developer can open. */
final class SourceLocations {
    private SourceLocations() {
    }

    /**
     * The diagnostic as one line, {@code /abs/src/main/java/a/b/Foo.java:42: in a.b.Foo.bar(): ...} when
     * the source is found under one of the roots, otherwise as the weaver wrote it ({@code a/b/Foo.java:42: ...}).
     */
    @SafeVarargs
    static String describe(Diagnostic d, List<String>... sourceRoots) {
        String text = d.toString();
        if (d.sourceFile() == null || !d.sourceFile().endsWith(".java")) {
            return text;
        }
        for (List<String> roots : sourceRoots) {
            if (roots == null) {
                continue;
            }
            for (String root : roots) {
                Path candidate = Paths.get(root).resolve(d.sourceFile());
                if (Files.isRegularFile(candidate) && text.startsWith(d.sourceFile())) {
                    return candidate + text.substring(d.sourceFile().length());
                }
            }
        }
        return text;
    }
}
