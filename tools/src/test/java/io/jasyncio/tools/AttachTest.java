package io.jasyncio.tools;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The attach tool against a real child JVM running {@link SampleApp}. */
class AttachTest {
    private static Process child;
    private static BufferedReader childOut;

    @BeforeAll
    static void startChild() throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        child = new ProcessBuilder(java.toString(), "-cp", cp, SampleApp.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        childOut = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String first = childOut.readLine();   // blocks until the sample's tasks are all suspended
        assertEquals("READY", first, "the sample did not start");
    }

    @AfterAll
    static void stopChild() throws Exception {
        child.getOutputStream().close();   // the sample cancels its main task and exits
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the sample did not exit");
        assertEquals(0, child.exitValue());
    }

    private static int lineOf(String marker) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/io/jasyncio/tools/SampleApp.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// LINE:" + marker)) {
                return i + 1;
            }
        }
        throw new AssertionError(marker);
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, () -> err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pstreeShowsTheSamplesAwaitTree() throws IOException {
        String nl = System.lineSeparator();
        String f = "SampleApp.java:";
        assertEquals(String.join(nl,
                "└── (T) Task-1",
                "    └──  SampleApp.untilStdinCloses " + f + lineOf("wrapper"),
                "        └── (T) main",
                "            └──  SampleApp.main " + f + lineOf("main"),
                "                ├── (T) crawler",
                "                │   └──  SampleApp.crawl " + f + lineOf("crawl"),
                "                │       └── (T) index",
                "                │           └──  SampleApp.download " + f + lineOf("download"),
                "                │               └──  SleepCoroutine",
                "                └── (T) images",
                "                    └──  SampleApp.download " + f + lineOf("download"),
                "                        └──  SleepCoroutine") + nl,
                run("pstree", Long.toString(child.pid())));
    }

    @Test
    void psListsEveryTaskWithItsAwaiter() {
        List<String> lines = run("ps", Long.toString(child.pid())).lines().toList();
        assertTrue(lines.get(0).startsWith("tid"), lines.get(0));
        assertEquals(2 + 5, lines.size(), String.join("\n", lines));
        String index = lines.stream().filter(l -> l.contains(" index ")).findFirst().orElseThrow();
        assertTrue(index.contains("SleepCoroutine -> SampleApp.download"), index);
        assertTrue(index.contains("SampleApp.crawl") && index.contains(" crawler "), "awaited by crawler: " + index);
        assertTrue(lines.stream().anyMatch(l -> l.contains(" Task-1 ") && l.endsWith("0x0")), "the root row");
    }

    @Test
    void usageErrorsExitWithStatus2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Main.run(new String[] {"top", "1"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: java -jar jasyncio-tools.jar ps|pstree <pid>"));
    }

    @Test
    void aJvmThatDoesNotExistIsAClearError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, Main.run(new String[] {"ps", "999999999"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("jasyncio-tools: cannot dump the tasks of JVM 999999999"),
                err.toString(StandardCharsets.UTF_8));
    }
}
