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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Programs the fuzzer once found diverging (src/test/fuzz-regressions), kept so the bugs stay fixed. */
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
    Stream<DynamicTest> keptProgramsBehaveAsTheirTwins() throws IOException {
        Path dir = TestPaths.moduleDir().resolve("src/test/fuzz-regressions");
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String source = Files.readString(file);
            FuzzRunner.Compiled compiled = runner.compile(List.of(source)).get(0);
            for (long seed = 0; seed < 4; seed++) {
                FuzzRunner.Divergence d = runner.check(compiled, seed);
                assertNull(d, () -> file.getFileName() + " diverges again: " + d);
            }
        }));
    }
}
