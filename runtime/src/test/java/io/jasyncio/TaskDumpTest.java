package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

/** Task dumps: who awaits whom, rendered as Python 3.14's ps table and pstree. */
class TaskDumpTest extends LoopFixture {

    @Async
    static Coroutine<Void> leaf(double seconds) {
        await(sleep(seconds)); // LINE:leaf-await
        return completed();
    }

    @Async
    static Coroutine<Void> awaitOther(Task<Void> other) {
        await(other); // LINE:await-other
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        Task<Void> deep = createTask(leaf(10), "deep");
        await(gather(createTask(awaitOther(deep), "a"), createTask(group(), "b"))); // LINE:main-gather
        return completed();
    }

    @Async
    static Coroutine<Void> group() {
        try (TaskGroup tg = new TaskGroup()) {
            tg.createTask(leaf(5), "g1");
            tg.createTask(leaf(6), "g2");
        } // LINE:group-exit
        return completed();
    }

    @Async
    static Coroutine<Void> awaitLater(Future<Task<Void>> other) {
        Task<Void> t = await(other);
        await(t); // LINE:await-later
        return completed();
    }

    private static int lineOf(String marker) {
        try {
            List<String> lines = Files.readAllLines(Path.of("src/test/java/io/jasyncio/TaskDumpTest.java"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).endsWith("// LINE:" + marker)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no marker " + marker);
    }

    private void runFor(double seconds) {
        loop.runUntilComplete(loop.createTask(sleep(seconds), "runner"));
    }

    @Test
    void pstreeNestsAwaitedTasksUnderTheFrameThatAwaitsThem() {
        loop.createTask(main(), "main");
        runFor(1);
        String f = "TaskDumpTest.java:";
        String nl = System.lineSeparator();
        assertEquals(String.join(nl,
                "└── (T) main",
                "    └──  TaskDumpTest.main " + f + lineOf("main-gather"),
                "        ├── (T) a",
                "        │   └──  TaskDumpTest.awaitOther " + f + lineOf("await-other"),
                "        │       └── (T) deep",
                "        │           └──  TaskDumpTest.leaf " + f + lineOf("leaf-await"),
                "        │               └──  SleepCoroutine",
                "        └── (T) b",
                "            └──  TaskDumpTest.group " + f + lineOf("group-exit"),
                "                └──  TaskGroup.closeAsync TaskGroup.java",
                "                    ├── (T) g1",
                "                    │   └──  TaskDumpTest.leaf " + f + lineOf("leaf-await"),
                "                    │       └──  SleepCoroutine",
                "                    └── (T) g2",
                "                        └──  TaskDumpTest.leaf " + f + lineOf("leaf-await"),
                "                            └──  SleepCoroutine") + nl,
                loop.dumpTasks().pstree());
    }

    @Test
    void entriesTellStateSuspensionPointAndAwaiters() {
        loop.createTask(main(), "main");
        runFor(1);
        TaskDump dump = loop.dumpTasks();
        Map<String, TaskDump.Entry> byName = dump.entries().stream().collect(Collectors.toMap(TaskDump.Entry::name, e -> e));
        assertEquals(List.of("main", "deep", "a", "b", "g1", "g2"), dump.entries().stream().map(TaskDump.Entry::name).toList(),
                "creation order");
        TaskDump.Entry deep = byName.get("deep");
        assertEquals("waiting", deep.state());
        assertEquals(lineOf("leaf-await"), deep.suspendedAt().getLineNumber());
        assertEquals("leaf", deep.suspendedAt().getMethodName());
        assertEquals(List.of(byName.get("a").id()), deep.awaitedBy());
        assertEquals(List.of(byName.get("main").id()), byName.get("a").awaitedBy());
        assertEquals(List.of(byName.get("b").id()), byName.get("g2").awaitedBy());
        assertEquals(List.of(), byName.get("main").awaitedBy());
        assertEquals(0, deep.threadId(), "a loop that is not running has no thread");
    }

    @Test
    void psHasOneRowPerTaskAndAwaiter() {
        loop.createTask(main(), "main");
        runFor(1);
        TaskDump dump = loop.dumpTasks();
        List<String> lines = dump.ps().lines().toList();
        assertTrue(lines.get(0).startsWith("tid        task id              task name            state     coroutine stack"), lines.get(0));
        assertTrue(lines.get(1).matches("-+"), lines.get(1));
        assertEquals(2 + 6, lines.size(), dump.ps());
        String deepRow = lines.stream().filter(l -> l.contains(" deep ")).findFirst().orElseThrow();
        assertTrue(deepRow.contains("SleepCoroutine -> TaskDumpTest.leaf"), deepRow);
        assertTrue(deepRow.contains("TaskDumpTest.awaitOther"), "the awaiter's chain: " + deepRow);
        long aId = dump.entries().stream().filter(e -> e.name().equals("a")).findFirst().orElseThrow().id();
        assertTrue(deepRow.endsWith(" a                    0x" + Long.toHexString(aId)), deepRow);
        String mainRow = lines.stream().filter(l -> l.contains(" main ")).findFirst().orElseThrow();
        assertTrue(mainRow.endsWith("0x0"), "a root has no awaiter: " + mainRow);
    }

    @Test
    void tasksAwaitingEachOtherAreReportedAsACycle() {
        Future<Task<Void>> forFirst = loop.createFuture();
        Future<Task<Void>> forSecond = loop.createFuture();
        Task<Void> first = loop.createTask(awaitLater(forFirst), "first");
        Task<Void> second = loop.createTask(awaitLater(forSecond), "second");
        forFirst.setResult(second);
        forSecond.setResult(first);
        runFor(1);
        TaskDump dump = loop.dumpTasks();
        assertEquals(List.of(List.of("first", "second", "first")), dump.cycles());
        String nl = System.lineSeparator();
        assertEquals("ERROR: await-graph contains cycles - cannot print a tree!" + nl + nl + "cycle: first → second → first" + nl,
                dump.pstree());
        // not cancelled: cancelling one cancels what it awaits, around the cycle (CPython recurses too)
    }

    @Test
    void aRunningLoopIsDumpedFromAnotherThreadOnItsOwnThread() throws Exception {
        EventLoop other = new EventLoop();
        CompletableFuture<TaskDump> seen = new CompletableFuture<>();
        Thread t = new Thread(() -> other.runUntilComplete(other.createTask(waitForDump(other, seen), "waiter")), "loop-thread");
        t.start();
        try {
            TaskDump dump = seen.get(10, TimeUnit.SECONDS);
            TaskDump.Entry waiter = dump.entries().stream().filter(e -> e.name().equals("waiter")).findFirst().orElseThrow();
            assertEquals(t.getId(), waiter.threadId());
            assertTrue(TaskDump.allLoops().entries().stream().anyMatch(e -> e.name().equals("waiter")) || !t.isAlive());
        } finally {
            t.join(10_000);
            other.close();
        }
        assertFalse(TaskDump.allLoops().entries().stream().anyMatch(e -> e.name().equals("waiter")), "a closed loop leaves the registry");
    }

    /** Suspends, lets another thread dump this loop, and finishes once it has. */
    @Async
    static Coroutine<Void> waitForDump(EventLoop loop, CompletableFuture<TaskDump> seen) {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> seen.complete(loop.dumpTasks()));
        await(done);
        return completed();
    }
}
