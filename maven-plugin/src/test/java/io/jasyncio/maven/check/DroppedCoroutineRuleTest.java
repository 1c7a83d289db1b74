package io.jasyncio.maven.check;

import static io.jasyncio.maven.check.CheckerFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

class DroppedCoroutineRuleTest {
    @TempDir
    Path root;

    private static final String HEADER = lines(
            "package demo;",
            "import io.jasyncio.*;",
            "import static io.jasyncio.Asyncio.*;",
            "class Snippet {",
            "  @Async static Coroutine<String> download() { return completed(\"x\"); }");

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void droppedCallsAreReported(boolean resolved) throws Exception {
        List<String> found = new CheckerFixture(root, resolved).check(HEADER + lines(
                "  @Async Coroutine<Void> main() {",
                "    download();",
                "    Snippet.download();",
                "    sleep(1);",
                "    return completed();",
                "  }",
                "  static void plain() { download(); }",
                "}"));
        assertEquals(List.of("dropped-coroutine@7:5", "dropped-coroutine@8:5", "dropped-coroutine@9:5",
                "dropped-coroutine@12:25"), found);
    }

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void usedCoroutinesAreFine(boolean resolved) throws Exception {
        List<String> found = new CheckerFixture(root, resolved).check(HEADER + lines(
                "  @Async Coroutine<String> main() {",
                "    String a = await(download());",
                "    Coroutine<String> kept = download();",
                "    createTask(download());",
                "    java.util.List<Coroutine<String>> list = new java.util.ArrayList<>();",
                "    list.add(download());",
                "    System.out.println(a + kept);",
                "    return download();",
                "  }",
                "  public static void main(String[] args) { Asyncio.run(new Snippet().main()); }",
                "}"));
        assertEquals(List.of(), found);
    }

    @Test
    void coroutineFromAnotherFileIsFoundThroughSymbols() throws Exception {
        CheckerFixture fixture = new CheckerFixture(root, true);
        fixture.write("demo/Client.java", lines(
                "package demo;",
                "import io.jasyncio.*;",
                "public class Client {",
                "  public Coroutine<byte[]> fetch(String url) { return null; }",
                "  public byte[] fetchNow(String url) { return null; }",
                "}"));
        List<String> found = fixture.check(lines(
                "package demo;",
                "import io.jasyncio.*;",
                "import static io.jasyncio.Asyncio.*;",
                "class Snippet {",
                "  @Async Coroutine<Void> main(Client client) {",
                "    client.fetch(\"a\");",
                "    client.fetchNow(\"b\");",
                "    return completed();",
                "  }",
                "}"));
        assertEquals(List.of("dropped-coroutine@6:5"), found);
    }

    @Test
    void messageNamesTheCallAndTheFix() throws Exception {
        CheckerFixture fixture = new CheckerFixture(root, true);
        Path file = fixture.write("demo/Snippet.java", HEADER + lines(
                "  void m() { download(); }",
                "}"));
        List<Finding> findings = fixture.findings(file);
        assertEquals(1, findings.size());
        assertEquals(file + ":6:14: dropped-coroutine: the coroutine returned by download(...) is dropped, so it"
                + " never runs \u2014 await(download(...)) it, or schedule it with createTask(download(...))",
                findings.get(0).toString());
    }

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void anExpressionLambdaReturnsItsCoroutineButABlockLambdaDropsIt(boolean resolved) throws Exception {
        List<String> found = new CheckerFixture(root, resolved).check(HEADER + lines(
                "  static void m() {",
                "    java.util.function.Supplier<Coroutine<String>> make = () -> download();",
                "    Runnable oops = () -> { download(); };",
                "  }",
                "}"));
        assertEquals(List.of("dropped-coroutine@8:29"), found);
    }
}
