package io.jasyncio.maven.check;

import static io.jasyncio.maven.check.CheckerFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

/** await-outside-async and await-in-synchronized, with symbols resolved and by name only. */
class AwaitRulesTest {
    @TempDir
    Path root;

    private static final String HEADER = lines(
            "package demo;",
            "import io.jasyncio.*;",
            "import static io.jasyncio.Asyncio.*;",
            "class Snippet {");

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void awaitInPlainMethodIsReported(boolean resolved) throws Exception {
        List<String> found = new CheckerFixture(root, resolved).check(HEADER + lines(
                "  Coroutine<Void> plain() {",
                "    await(sleep(1));",
                "    return completed();",
                "  }",
                "}"));
        assertEquals(List.of("await-outside-async@6:5"), found);
    }

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void awaitInAsyncMethodIsFine(boolean resolved) throws Exception {
        List<String> found = new CheckerFixture(root, resolved).check(HEADER + lines(
                "  @Async Coroutine<Integer> ok() {",
                "    int x = await(sleep(1)) == null ? 1 : 2;",
                "    Asyncio.await(sleep(2));",
                "    return completed(x);",
                "  }",
                "}"));
        assertEquals(List.of(), found);
    }

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void awaitInLambdaInsideAsyncIsReported(boolean resolved) throws Exception {
        List<String> found = new CheckerFixture(root, resolved).check(HEADER + lines(
                "  @Async Coroutine<Void> outer() {",
                "    Runnable r = () -> await(sleep(1));",
                "    r.run();",
                "    return completed();",
                "  }",
                "}"));
        assertEquals(List.of("await-outside-async@6:24"), found);
    }

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void otherAwaitMethodsAreNotJasyncio(boolean resolved) throws Exception {
        List<String> found = new CheckerFixture(root, resolved).check(HEADER + lines(
                "  void latch(java.util.concurrent.CountDownLatch latch) throws InterruptedException {",
                "    latch.await();",
                "  }",
                "}"));
        assertEquals(List.of(), found);
    }

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void springAsyncIsNotJasyncioAsync(boolean resolved) throws Exception {
        CheckerFixture fixture = new CheckerFixture(root, resolved);
        fixture.write("org/spring/Async.java", "package org.spring; public @interface Async {}");
        List<String> found = fixture.check(lines(
                "package demo;",
                "import org.spring.Async;",
                "import io.jasyncio.Coroutine;",
                "import static io.jasyncio.Asyncio.*;",
                "class Snippet {",
                "  @Async Coroutine<Void> m() {",
                "    await(sleep(1));",
                "    return completed();",
                "  }",
                "}"));
        assertEquals(List.of("await-outside-async@7:5"), found);
    }

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void awaitInSynchronizedBlockAndMethodIsReported(boolean resolved) throws Exception {
        List<String> found = new CheckerFixture(root, resolved).check(HEADER + lines(
                "  private final Object lock = new Object();",
                "  @Async Coroutine<Void> block() {",
                "    synchronized (lock) {",
                "      await(sleep(1));",
                "    }",
                "    await(sleep(1));",
                "    return completed();",
                "  }",
                "  @Async synchronized Coroutine<Void> method() {",
                "    await(sleep(1));",
                "    return completed();",
                "  }",
                "}"));
        assertEquals(List.of("await-in-synchronized@8:7", "await-in-synchronized@14:5"), found);
    }

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void synchronizedWithoutAwaitIsFine(boolean resolved) throws Exception {
        List<String> found = new CheckerFixture(root, resolved).check(HEADER + lines(
                "  private int n;",
                "  @Async Coroutine<Void> m() {",
                "    synchronized (this) { n++; }",
                "    await(sleep(1));",
                "    return completed();",
                "  }",
                "}"));
        assertEquals(List.of(), found);
    }

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void suppressWarningsSilencesOneRule(boolean resolved) throws Exception {
        List<String> found = new CheckerFixture(root, resolved).check(HEADER + lines(
                "  @SuppressWarnings(\"jasyncio:await-in-synchronized\")",
                "  @Async synchronized Coroutine<Void> quiet() {",
                "    await(sleep(1));",
                "    return completed();",
                "  }",
                "  @SuppressWarnings({\"unchecked\", \"jasyncio:dropped-coroutine\"})",
                "  Coroutine<Void> loud() {",
                "    await(sleep(1));",
                "    return completed();",
                "  }",
                "}"));
        assertEquals(List.of("await-outside-async@12:5"), found);
    }

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void awaitInInitializersAndConstructorsIsReported(boolean resolved) throws Exception {
        CheckerFixture fixture = new CheckerFixture(root, resolved);
        Path file = fixture.write("demo/Snippet.java", HEADER + lines(
                "  static Object field = await(sleep(1));",
                "  Snippet() { await(sleep(1)); }",
                "}"));
        List<Finding> findings = fixture.findings(file);
        assertEquals(2, findings.size());
        assertEquals("await(...) in an initializer, which is not an @Async method", findings.get(0).message());
        assertEquals("await(...) in Snippet(), which is not an @Async method", findings.get(1).message());
    }
}
