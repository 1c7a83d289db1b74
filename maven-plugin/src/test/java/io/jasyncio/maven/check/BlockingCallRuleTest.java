package io.jasyncio.maven.check;

import static io.jasyncio.maven.check.CheckerFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

class BlockingCallRuleTest {
    @TempDir
    Path root;

    private static final String HEADER = lines(
            "package demo;",
            "import io.jasyncio.*;",
            "import static io.jasyncio.Asyncio.*;",
            "import java.io.*;",
            "import java.net.*;",
            "import java.util.concurrent.*;",
            "class Snippet {");

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void nameEvidentBlockingCallsAreReported(boolean resolved) throws Exception {
        List<String> found = new CheckerFixture(root, resolved).check(HEADER + lines(
                "  @Async Coroutine<Void> m(Object monitor, Coroutine<Void> other) throws Exception {",
                "    Thread.sleep(10);",
                "    monitor.wait();",
                "    Asyncio.run(other);",
                "    Socket s = new Socket(\"localhost\", 80);",
                "    return completed();",
                "  }",
                "}"));
        assertEquals(List.of("blocking-call@9:5", "blocking-call@10:5", "blocking-call@11:5", "blocking-call@12:16"),
                found);
    }

    @Test
    void typedBlockingCallsAreReportedWhenResolved() throws Exception {
        List<String> found = new CheckerFixture(root, true).check(HEADER + lines(
                "  @Async Coroutine<Void> m(InputStream in, BufferedReader r, CompletableFuture<String> cf,",
                "                           java.util.concurrent.Future<String> f, CountDownLatch latch,",
                "                           EventLoop loop) throws Exception {",
                "    in.read();",
                "    r.readLine();",
                "    cf.join();",
                "    f.get();",
                "    latch.await();",
                "    loop.runUntilComplete(sleep(1));",
                "    InetAddress.getByName(\"example.com\");",
                "    return completed();",
                "  }",
                "}"));
        assertEquals(List.of("blocking-call@11:5", "blocking-call@12:5", "blocking-call@13:5", "blocking-call@14:5",
                "blocking-call@15:5", "blocking-call@16:5", "blocking-call@17:5"), found);
    }

    @Test
    void nonBlockingLookalikesAreFine() throws Exception {
        List<String> found = new CheckerFixture(root, true).check(HEADER + lines(
                "  @Async Coroutine<Void> m(java.util.Map<String, String> map, CompletableFuture<String> cf,",
                "                           java.util.Collection<io.jasyncio.Future<String>> fs) throws Exception {",
                "    map.get(\"k\");",
                "    String.join(\",\", \"a\", \"b\");",
                "    new ByteArrayInputStream(new byte[1]).read();",
                "    new StringReader(\"x\").read();",
                "    await(sleep(1));",
                "    await(cf);",
                "    Asyncio.wait(fs, 0);",
                "    Socket unconnected = new Socket();",
                "    return completed();",
                "  }",
                "}"));
        assertEquals(List.of(), found);
    }

    @ParameterizedTest(name = "resolved={0}")
    @ValueSource(booleans = {true, false})
    void blockingOutsideAsyncOrInLambdasIsFine(boolean resolved) throws Exception {
        List<String> found = new CheckerFixture(root, resolved).check(HEADER + lines(
                "  void plain() throws Exception { Thread.sleep(10); }",
                "  @Async Coroutine<Void> offloaded() {",
                "    await(toThread(() -> { Thread.sleep(10); return null; }));",
                "    return completed();",
                "  }",
                "  public static void main(String[] args) { Asyncio.run(new Snippet().offloaded()); }",
                "}"));
        assertEquals(List.of(), found);
    }
}
