package io.jasyncio.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.jasyncio.it.support.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Programs the fuzzer found diverging, shrunk and kept in src/test/fuzz-regressions so the bugs stay
 * fixed; those in its {@code open} folder still diverge (weaver bugs not fixed yet).
 */
class FuzzRegressionTest {
    private static FuzzRunner runner;

    @BeforeAll
    static void start() {
        runner = new FuzzRunner();
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @TestFactory
    Stream<DynamicTest> fixedBugsStayFixed() throws IOException {
        return programsIn("src/test/fuzz-regressions");
    }

    @Disabled("weaver limits, one per file (its header says which): spill code growing with awaits x live locals"
            + " past 64 KB (reported as a WeaveException: split the method)")
    @TestFactory
    Stream<DynamicTest> openBugs() throws IOException {
        return programsIn("src/test/fuzz-regressions/open");
    }

    private static Stream<DynamicTest> programsIn(String folder) throws IOException {
        Path dir = TestPaths.moduleDir().resolve(folder);
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String source = Files.readString(file);
            for (boolean debugInfo : new boolean[] {true, false}) {
                FuzzRunner.Compiled compiled = runner.compile(List.of(source), debugInfo).get(0);
                for (long seed = 0; seed < 4; seed++) {
                    FuzzRunner.Divergence d = runner.check(compiled, seed);
                    assertNull(d, () -> file.getFileName() + (debugInfo ? "" : " (-g:none)") + " diverges: " + d);
                }
            }
        }));
    }
}
