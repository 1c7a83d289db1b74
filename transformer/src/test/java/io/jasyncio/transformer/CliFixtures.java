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

    public static Path stubs(Path tmp) {
        return tmp.resolve("stubs");
    }
}
