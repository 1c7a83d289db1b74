package io.jasyncio.maven.check;

import static io.jasyncio.maven.check.CheckerFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

class SwallowedCancellationRuleTest {
    @TempDir
    Path root;

    private static final String HEADER = lines(
            "package demo;",
            "import io.jasyncio.*;",
            "import static io.jasyncio.Asyncio.*;",
            "import java.util.concurrent.CancellationException;",
            "class Snippet {");

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void swallowingCatchesAreReported(boolean resolved) throws Exception {
        List<String> found = new CheckerFixture(root, resolved).check(HEADER + lines(
                "  @Async Coroutine<Void> m() {",
                "    try { await(sleep(1)); } catch (Exception e) { System.out.println(e); }",
                "    try { await(sleep(1)); } catch (CancellationException e) { }",
                "    try { await(sleep(1)); } catch (java.io.UncheckedIOException | RuntimeException e) { }",
                "    try { await(sleep(1)); } catch (Throwable t) { Runnable r = () -> { throw new RuntimeException(t); }; }",
                "    return completed();",
                "  }",
                "}"));
        assertEquals(List.of("swallowed-cancellation@7:37", "swallowed-cancellation@8:37",
                "swallowed-cancellation@9:37", "swallowed-cancellation@10:37"), found);
    }

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void propagatingOrIrrelevantCatchesAreFine(boolean resolved) throws Exception {
        List<String> found = new CheckerFixture(root, resolved).check(HEADER + lines(
                "  @Async Coroutine<Void> m() {",
                "    try { await(sleep(1)); } catch (Exception e) { throw e; }",
                "    try { await(sleep(1)); } catch (CancellationException e) { throw e; } catch (Exception e) { }",
                "    try { await(sleep(1)); } catch (Exception e) { currentTask().uncancel(); }",
                "    try { await(sleep(1)); } catch (java.io.UncheckedIOException e) { }",
                "    try { Integer.parseInt(\"x\"); } catch (Exception e) { }",
                "    return completed();",
                "  }",
                "  void plain() { try { await(sleep(1)); } catch (Exception e) { } }",
                "}"));
        // plain()'s await is its own mistake; its catch is not a swallowed cancellation
        assertEquals(List.of("await-outside-async@14:24"), found);
    }

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void observingACancelledTaskIsFineButABroadCatchStillSwallows(boolean resolved) throws Exception {
        List<String> found = new CheckerFixture(root, resolved).check(HEADER + lines(
                "  @Async Coroutine<Void> m(Task<String> task) {",
                "    task.cancel();",
                "    try { await(task); } catch (CancellationException e) { System.out.println(\"cancelled\"); }",
                "    try { await(task); } catch (Exception e) { System.out.println(\"cancelled\"); }",
                "    try { await(sleep(1)); } catch (CancellationException e) {",
                "      if (currentTask().cancelling() > 0) { System.out.println(\"mine\"); }",
                "    }",
                "    return completed();",
                "  }",
                "}"));
        assertEquals(List.of("swallowed-cancellation@9:33"), found);
    }
}
