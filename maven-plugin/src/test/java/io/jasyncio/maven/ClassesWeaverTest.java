package io.jasyncio.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.transformer.Diagnostic;
import io.jasyncio.transformer.WeaveException;
import io.jasyncio.transformer.WeaveResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The directory walk, filtering and incremental bookkeeping, with a stand-in weaver that "weaves" by
 * appending the woven marker and emitting one frame class per input.
 */
class ClassesWeaverTest {
    @TempDir
    Path dir;
    @TempDir
    Path target;

    private final List<String> wovenInputs = new ArrayList<>();

    private WeaveResult fakeWeave(byte[] input) throws WeaveException {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        String name = text.substring(0, text.indexOf(' '));
        wovenInputs.add(name);
        if (text.contains("BAD")) {
            throw new WeaveException(List.of(new Diagnostic(name.replace('/', '.'), "m", name + ".java", 7,
                    "await(...) in a method that is not @Async")));
        }
        if (text.contains("PLAIN")) {
            return new WeaveResult(false, input, Map.of());
        }
        Map<String, byte[]> frames = new LinkedHashMap<>();
        frames.put(name + "$m$Coroutine", (name + "$m$Coroutine frame io/jasyncio/Coroutine").getBytes(StandardCharsets.ISO_8859_1));
        if (text.contains("TWO")) {
            frames.put(name + "$n$Coroutine", (name + "$n$Coroutine frame").getBytes(StandardCharsets.ISO_8859_1));
        }
        return new WeaveResult(true, (text + " Lio/jasyncio/internal/Woven;").getBytes(StandardCharsets.ISO_8859_1), frames);
    }

    private void classFile(String internalName, String body) throws Exception {
        Path file = dir.resolve(internalName + ".class");
        Files.createDirectories(file.getParent());
        Files.writeString(file, internalName + " " + body, StandardCharsets.ISO_8859_1);
    }

    private ClassesWeaver.Summary run(List<String> excludes) throws Exception {
        WeaveState state = WeaveState.load(target.resolve("jasyncio/weave.state"));
        ClassesWeaver.Summary summary = new ClassesWeaver(this::fakeWeave, new PathSelector(null, excludes)).weave(dir, state);
        state.save();
        return summary;
    }

    @Test
    void weavesOnlyClassesMentioningJasyncioAndWritesFramesBesideThem() throws Exception {
        classFile("a/Uses", "calls io/jasyncio/Asyncio.await");
        classFile("a/Plain", "nothing to see");
        classFile("a/Annotated", "has Lio/jasyncio/Async; but PLAIN");

        ClassesWeaver.Summary summary = run(null);

        assertEquals(List.of("a/Annotated", "a/Uses"), wovenInputs);
        assertEquals(1, summary.woven());
        assertEquals(2, summary.unchanged());
        assertEquals(1, summary.generated());
        assertTrue(Files.readString(dir.resolve("a/Uses.class"), StandardCharsets.ISO_8859_1).endsWith("Woven;"));
        assertArrayEquals("a/Uses$m$Coroutine frame io/jasyncio/Coroutine".getBytes(StandardCharsets.ISO_8859_1),
                Files.readAllBytes(dir.resolve("a/Uses$m$Coroutine.class")));
    }

    @Test
    void secondRunSkipsEverythingAndARecompiledClassIsWovenAgain() throws Exception {
        classFile("a/Uses", "calls io/jasyncio/Asyncio.await");
        classFile("b/Other", "calls io/jasyncio/Asyncio.await too");
        run(null);
        wovenInputs.clear();

        ClassesWeaver.Summary again = run(null);
        assertEquals(List.of(), wovenInputs);
        assertEquals(0, again.woven());
        assertEquals(4, again.unchanged());

        // javac rewrites one class: new bytes, new timestamp
        classFile("b/Other", "calls io/jasyncio/Asyncio.await once more");
        Files.setLastModifiedTime(dir.resolve("b/Other.class"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        ClassesWeaver.Summary third = run(null);
        assertEquals(List.of("b/Other"), wovenInputs);
        assertEquals(1, third.woven());
    }

    @Test
    void alreadyWovenBytesAreNotWovenTwiceEvenWithoutState() throws Exception {
        classFile("a/Uses", "calls io/jasyncio/Asyncio.await Lio/jasyncio/internal/Woven;");
        ClassesWeaver.Summary summary = run(null);
        assertEquals(List.of(), wovenInputs);
        assertEquals(0, summary.woven());
    }

    @Test
    void diagnosticsAreCollectedAndTheClassIsLeftAsItWas() throws Exception {
        classFile("a/Bad", "io/jasyncio/Asyncio BAD");
        classFile("a/Good", "io/jasyncio/Asyncio fine");
        ClassesWeaver.Summary summary = run(null);
        assertEquals(1, summary.errors().size());
        assertEquals("a/Bad.java:7: in a.Bad.m(): await(...) in a method that is not @Async",
                summary.errors().get(0).toString());
        assertEquals("a/Bad io/jasyncio/Asyncio BAD", Files.readString(dir.resolve("a/Bad.class"), StandardCharsets.ISO_8859_1));
        assertEquals(1, summary.woven());

        // a failed class is not recorded, so the next build reports it again
        wovenInputs.clear();
        assertEquals(1, run(null).errors().size());
        assertEquals(List.of("a/Bad"), wovenInputs);
    }

    @Test
    void excludedClassesAreNeverRead() throws Exception {
        classFile("gen/Generated", "io/jasyncio/Asyncio BAD");
        classFile("app/Main", "io/jasyncio/Asyncio");
        ClassesWeaver.Summary summary = run(List.of("gen/**"));
        assertEquals(List.of("app/Main"), wovenInputs);
        assertEquals(List.of(), summary.errors());
    }

    @Test
    void aWeaverBugBecomesADiagnosticNamingTheClass() throws Exception {
        classFile("a/Boom", "io/jasyncio/Asyncio");
        ClassesWeaver crashing = new ClassesWeaver(b -> {
            throw new IllegalArgumentException("bad frame");
        }, new PathSelector(null, null));
        ClassesWeaver.Summary summary = crashing.weave(dir, WeaveState.load(target.resolve("other.state")));
        assertEquals(1, summary.errors().size());
        assertTrue(summary.errors().get(0).toString().startsWith("a/Boom.class: in a.Boom: the weaver failed"),
                summary.errors().get(0).toString());
    }

    /** What javac does when it recompiles a class: new bytes, a new timestamp. */
    private void recompile(String internalName, String body) throws Exception {
        classFile(internalName, body);
        Files.setLastModifiedTime(dir.resolve(internalName + ".class"),
                FileTime.fromMillis(System.currentTimeMillis() + 10_000));
    }

    @Test
    void framesOfRemovedAsyncMethodsAreDeleted() throws Exception {
        classFile("a/Owner", "io/jasyncio/Async TWO");
        run(null);
        assertTrue(Files.exists(dir.resolve("a/Owner$n$Coroutine.class")));

        recompile("a/Owner", "io/jasyncio/Async one method left");
        run(null);
        assertTrue(Files.exists(dir.resolve("a/Owner$m$Coroutine.class")));
        assertFalse(Files.exists(dir.resolve("a/Owner$n$Coroutine.class")));

        recompile("a/Owner", "no coroutines at all");
        run(null);
        assertFalse(Files.exists(dir.resolve("a/Owner$m$Coroutine.class")));
    }

    @Test
    void framesOfADeletedClassAreDeleted() throws Exception {
        classFile("a/Owner", "io/jasyncio/Async TWO");
        classFile("a/Other", "io/jasyncio/Async");
        run(null);
        Files.delete(dir.resolve("a/Owner.class"));
        run(null);
        assertFalse(Files.exists(dir.resolve("a/Owner$m$Coroutine.class")));
        assertFalse(Files.exists(dir.resolve("a/Owner$n$Coroutine.class")));
        assertTrue(Files.exists(dir.resolve("a/Other$m$Coroutine.class")));
        assertFalse(Files.readString(target.resolve("jasyncio/weave.state")).contains("Owner"));
    }
}
