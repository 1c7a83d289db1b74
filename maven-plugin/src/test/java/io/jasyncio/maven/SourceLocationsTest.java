package io.jasyncio.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.transformer.Diagnostic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class SourceLocationsTest {
    @TempDir
    Path project;

    @Test
    void aSourceFoundUnderARootIsNamedByItsFullPath() throws Exception {
        Path main = project.resolve("src/main/java");
        Path test = project.resolve("src/test/java");
        Files.createDirectories(test.resolve("a/b"));
        Files.writeString(test.resolve("a/b/Foo.java"), "class Foo {}");
        Diagnostic d = new Diagnostic("a.b.Foo", "bar", "a/b/Foo.java", 42, "await(...) in a method that is not @Async");

        assertEquals(test.resolve("a/b/Foo.java") + ":42: in a.b.Foo.bar(): await(...) in a method that is not @Async",
                SourceLocations.describe(d, List.of(main.toString()), List.of(test.toString())));
    }

    @Test
    void anUnknownSourceKeepsThePackageRelativePath() {
        Diagnostic d = new Diagnostic("a.b.Foo", null, "a/b/Foo.java", -1, "cannot read class");
        assertEquals("a/b/Foo.java: in a.b.Foo: cannot read class",
                SourceLocations.describe(d, List.of(project.resolve("src/main/java").toString())));
    }
}
