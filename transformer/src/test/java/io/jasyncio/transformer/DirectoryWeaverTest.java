package io.jasyncio.transformer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryWeaverTest {
    static final String GOOD = """
            package p;
            import io.jasyncio.*;
            import static io.jasyncio.Asyncio.*;
            public class Good {
                @Async public static Coroutine<String> f(Awaitable<String> a) { return completed(await(a)); }
                public class Inner { @Async public Coroutine<String> g(Awaitable<String> a) { return completed(await(a)); } }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void weavesInPlaceAndWritesFramesBesideTheirOwners() throws Exception {
        Path classes = TestSupport.project(tmp, Map.of("p/Good.java", GOOD, "p/Plain.java", "package p; class Plain {}"));
        byte[] plain = Files.readAllBytes(classes.resolve("p/Plain.class"));
        DirectoryWeaver.Report r;
        try (ClasspathHierarchy h = TestSupport.hierarchy(tmp)) {
            r = new DirectoryWeaver(h).weave(classes);
        }
        assertEquals(List.of("p.Good", "p.Good$Inner"), r.wovenClasses());
        assertEquals(1, r.unchanged());
        assertEquals(List.of(classes.resolve("p/Good$Inner$g$Coroutine.class"), classes.resolve("p/Good$Inner.class"),
                classes.resolve("p/Good$f$Coroutine.class"), classes.resolve("p/Good.class")), r.writtenFiles());
        assertArrayEquals(plain, Files.readAllBytes(classes.resolve("p/Plain.class")));
        try (ClasspathHierarchy h = TestSupport.hierarchy(tmp)) {
            DirectoryWeaver.Report again = new DirectoryWeaver(h).weave(classes);
            assertEquals(List.of(), again.wovenClasses(), "the second run finds everything woven");
            assertEquals(5, again.unchanged());
        }
    }

    @Test
    void reportsEveryClassesProblemsAndWritesNothing() throws Exception {
        Path classes = TestSupport.project(tmp, Map.of("p/Good.java", GOOD,
                "p/Bad1.java", "package p; class Bad1 { Object f(io.jasyncio.Awaitable<String> a) { return io.jasyncio.Asyncio.await(a); } }",
                "p/Bad2.java", "package p; class Bad2 { Object f() { return io.jasyncio.Asyncio.completed(1); } }"));
        byte[] good = Files.readAllBytes(classes.resolve("p/Good.class"));
        Files.write(classes.resolve("p/Broken.class"), java.util.Arrays.copyOf(good, good.length * 2 / 3));
        WeaveException e;
        try (ClasspathHierarchy h = TestSupport.hierarchy(tmp)) {
            e = assertThrows(WeaveException.class, () -> new DirectoryWeaver(h).weave(classes));
        }
        assertEquals(List.of("p/Bad1.java", "p/Bad2.java", "p/Broken.class"),
                e.diagnostics().stream().map(Diagnostic::sourceFile).toList());
        assertArrayEquals(good, Files.readAllBytes(classes.resolve("p/Good.class")));
        assertFalse(Files.exists(classes.resolve("p/Good$f$Coroutine.class")));
    }

    @Test
    void theFilterSelectsClassFiles() throws Exception {
        Path classes = TestSupport.project(tmp, Map.of("p/Good.java", GOOD));
        try (ClasspathHierarchy h = TestSupport.hierarchy(tmp)) {
            DirectoryWeaver.Report r = new DirectoryWeaver(h).weave(classes, p -> !p.toString().contains("Inner"));
            assertEquals(List.of("p.Good"), r.wovenClasses());
        }
        assertTrue(Files.exists(classes.resolve("p/Good$f$Coroutine.class")));
        assertFalse(Files.exists(classes.resolve("p/Good$Inner$g$Coroutine.class")));
    }
}
