package io.jasyncio.maven.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small sources into a temporary source root and runs the checker over one of them. With
 * {@code withRuntime}, minimal {@code io.jasyncio} sources sit beside them so symbols resolve as in a
 * real project; without, every jasyncio name is unresolvable and rules fall back on names.
 */
final class CheckerFixture {
    private static final String[][] RUNTIME = {
        {"io/jasyncio/Async.java", "package io.jasyncio; public @interface Async {}"},
        {"io/jasyncio/Awaitable.java", "package io.jasyncio; public interface Awaitable<T> {}"},
        {"io/jasyncio/Coroutine.java", "package io.jasyncio; public abstract class Coroutine<T> implements Awaitable<T> {}"},
        {"io/jasyncio/Future.java", "package io.jasyncio; public class Future<T> implements Awaitable<T> {}"},
        {"io/jasyncio/Task.java", "package io.jasyncio; public class Task<T> extends Future<T> {"
                + " public boolean cancel() { return true; } public int uncancel() { return 0; } public int cancelling() { return 0; } }"},
        {"io/jasyncio/EventLoop.java", "package io.jasyncio; public class EventLoop {"
                + " public <T> T runUntilComplete(Awaitable<T> a) { return null; } }"},
        {"io/jasyncio/Asyncio.java", String.join("\n",
                "package io.jasyncio;",
                "import java.util.concurrent.Callable;",
                "import java.util.concurrent.CompletionStage;",
                "public final class Asyncio {",
                "  public static <T> T await(Awaitable<T> a) { throw new IllegalStateException(); }",
                "  public static <T> T await(CompletionStage<T> a) { throw new IllegalStateException(); }",
                "  public static <T> Coroutine<T> completed(T value) { return null; }",
                "  public static Coroutine<Void> completed() { return null; }",
                "  public static Coroutine<Void> sleep(double seconds) { return null; }",
                "  public static <T> T run(Coroutine<T> main) { return null; }",
                "  public static <T> Task<T> createTask(Coroutine<T> c) { return null; }",
                "  public static <T> Task<T> currentTask() { return null; }",
                "  public static <T> Future<T> toThread(Callable<T> c) { return null; }",
                "  public static <T> Future<T> wait(java.util.Collection<Future<T>> fs, int when) { return null; }",
                "}")},
    };

    private final Path root;

    CheckerFixture(Path root, boolean withRuntime) throws IOException {
        this.root = root;
        if (withRuntime) {
            for (String[] file : RUNTIME) {
                write(file[0], file[1]);
            }
        }
    }

    Path write(String relativePath, String source) throws IOException {
        Path file = root.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        return file;
    }

    /** Checks {@code demo/Snippet.java} holding {@code source}; findings as {@code rule-id@line:column}. */
    List<String> check(String source) throws Exception {
        Path file = write("demo/Snippet.java", source);
        List<String> result = new ArrayList<>();
        for (Finding f : findings(file)) {
            result.add(f.rule().id() + "@" + f.line() + ":" + f.column());
        }
        return result;
    }

    List<Finding> findings(Path file) throws Exception {
        try (SourceChecker checker = new SourceChecker(List.of(root), List.of(), StandardCharsets.UTF_8)) {
            return checker.check(file);
        }
    }

    /** Joins lines so line numbers in assertions are easy to read: line 1 is the first argument. */
    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
