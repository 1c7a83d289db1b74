package io.jasyncio.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.it.support.InMemoryCompiler;
import io.jasyncio.it.support.MemoryClassLoader;
import io.jasyncio.it.support.TestPaths;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fuzzer's own machinery, without the weaver: generation, the twin, the reference run, shrinking. */
class GeneratorTest {
    private static final int PROGRAMS = 60;

    @Test
    void sameSeedSameProgram() {
        assertEquals(new ProgramGenerator(42).generate("A").source(), new ProgramGenerator(42).generate("A").source());
        assertTrue(!new ProgramGenerator(42).generate("A").source().equals(new ProgramGenerator(43).generate("A").source()));
    }

    @Test
    void twinKeepsTheBodyAndDropsTheCoroutines() {
        String async = "package fuzz;\n\npublic final class P1 {\n"
                + "    @Async public static Coroutine<String> run(AsyncSrc src, StringBuilder log) {\n"
                + "        return completed(\"\" + await(src.i(0, 1)));\n    }\n}\n";
        String twin = Program.syncTwin(async);
        assertTrue(twin.contains("public final class P1Sync {"), twin);
        assertTrue(twin.contains("public static String run(SyncSrc src, StringBuilder log) {"), twin);
        assertTrue(twin.contains("return completed(\"\" + await(src.i(0, 1)));"), twin);
        assertTrue(!twin.contains("@Async") && !twin.contains("Coroutine<"), twin);
    }

    /** Every generated program compiles (both versions), terminates, and the shapes we want do occur. */
    @Test
    void generatedProgramsCompileTerminateAndCoverTheShapes() throws Exception {
        List<Program> programs = new ArrayList<>();
        for (int i = 0; i < PROGRAMS; i++) {
            programs.add(new ProgramGenerator(9000 + i).generate("G" + i));
        }
        Map<String, String> units = new LinkedHashMap<>();
        for (Program p : programs) {
            units.put(p.binaryName(), p.source());
            units.put(Program.PACKAGE + "." + Program.syncName(p.className), Program.syncTwin(p.source()));
        }
        InMemoryCompiler javac = new InMemoryCompiler(TestPaths.classpathOf(Coroutine.class, Async.class, AsyncSrc.class), 17);
        MemoryClassLoader loader = new MemoryClassLoader(javac.compile(units), getClass().getClassLoader());

        int awaits = 0;
        int failures = 0;
        for (Program p : programs) {
            Method run = loader.loadClass(Program.PACKAGE + "." + Program.syncName(p.className)).getMethod("run",
                    SyncSrc.class, StringBuilder.class, int.class, long.class, double.class, String.class, boolean.class);
            ReferenceSrc src = new ReferenceSrc(Schedule.of(Schedule.Mode.IMMEDIATE), 100_000);
            try {
                run.invoke(null, src, new StringBuilder(), 7, 1234567890123L, 0.5, "arg", true);
            } catch (InvocationTargetException e) {
                assertTrue(e.getCause() instanceof FuzzException, () -> "only FuzzException may escape: " + e.getCause());
                failures++;
            }
            awaits += src.count;
        }
        assertTrue(awaits > PROGRAMS * 5, "programs should await a lot, got " + awaits);
        assertTrue(failures < PROGRAMS / 2, "most programs should complete, " + failures + " threw");

        String all = String.join("\n", programs.stream().map(Program::source).toList());
        for (String shape : List.of("for (int ", "java.util.Arrays.<", " : new ", "while (", "do {", "switch (FuzzLib.E",
                "switch (String.valueOf", "case 0 -> {", "finally {", "catch (RuntimeException", "try (FuzzLib.Res",
                "new FuzzLib.Box(", "new FuzzLib.IntPair(", "FuzzLib.sum(", "await(h", "(n > 0 ? ((long) await(h", "break;",
                "continue;", "return completed(", "try (FuzzLib.ARes", "Awaitable<Integer> w", "Awaitable<String> w", "await(w", "throw new FuzzException", " ? ", " && ", " || ", "(String) null",
                "long v", "double v", "float v", "char v", "byte v", "short v", "boolean v", "String v", "int v")) {
            assertTrue(all.contains(shape), "no generated program contains " + shape);
        }
        assertTrue(all.matches("(?s).*(long|double|int|String) v\\d+; \\{.*"), "no definitely-unassigned local");
    }

    @Test
    void shrinkerKeepsTheFailureAndRemovesTheRest() {
        Program big = null;
        for (int seed = 0; big == null; seed++) {
            Program p = new ProgramGenerator(seed).generate("S");
            if (p.source().contains("new FuzzLib.Box(") && p.size() > 150) {
                big = p;
            }
        }
        Shrinker shrinker = new Shrinker(p -> p.source().contains("new FuzzLib.Box("), 2000);
        Program small = shrinker.shrink(big);
        assertTrue(small.source().contains("new FuzzLib.Box("));
        assertTrue(small.size() < big.size() / 3, () -> "shrunk only to " + small.size() + " of " + ":\n" + small.source());
    }

    @Test
    void referenceSourceFailsAndCancelsExactlyWhereTheScheduleSays() {
        ReferenceSrc src = new ReferenceSrc(Schedule.failing(1, 0), 10);
        assertEquals("a", src.v(5, "a"));
        FuzzException f = org.junit.jupiter.api.Assertions.assertThrows(FuzzException.class, () -> src.v(6, "b"));
        assertEquals(1006, f.id);
        assertEquals("c", src.v(7, "c"));
        assertEquals("5,6,7,", src.sites.toString());
        ReferenceSrc cancel = new ReferenceSrc(Schedule.cancelling(0, 0), 10);
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class, () -> cancel.v(1, 1));
        assertNull(Outcome.describe(null));
    }
}
