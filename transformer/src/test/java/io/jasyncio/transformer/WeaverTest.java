package io.jasyncio.transformer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole pipeline on small classes: output shape, passthrough, idempotence, determinism, running woven code. */
class WeaverTest {
    static final String FLOW = """
            package p;
            import io.jasyncio.*;
            import static io.jasyncio.Asyncio.*;
            public class Flow {
                String name = "flow";
                @Async public static Coroutine<String> values(Awaitable<Integer> a, Awaitable<String> b) {
                    int i = 40;
                    long l = 1L << 40;
                    double d = 0.5;
                    String unused = "dead after this line".trim();
                    String s = "x" + i + await(b) + l + d;
                    int sum = i + await(a);
                    return completed(s + ":" + sum);
                }
                @Async public static Coroutine<String> caught(Awaitable<String> a) {
                    String log = "start";
                    try {
                        log += await(a);
                    } catch (IllegalStateException e) {
                        log += ":caught " + e.getMessage();
                    } finally {
                        log += ":finally";
                    }
                    return completed(log);
                }
                @Async public Coroutine<String> instance(Awaitable<String> a) {
                    return completed(name + await(a));
                }
                @Async public static Coroutine<Integer> child(Awaitable<Integer> a) {
                    return completed(await(a) * 2);
                }
                @Async public static Coroutine<Integer> parent(Awaitable<Integer> a) {
                    int base = 1;
                    return completed(base + await(child(a)));
                }
                @Async public static Coroutine<Integer> tail(Awaitable<Integer> a) {
                    return child(a);
                }
                @Async public static Coroutine<String> ofResult(boolean c) {
                    Coroutine<String> r = completed("kept");
                    if (c) {
                        return r;
                    }
                    return completed(r.toString().isEmpty() ? "never" : "other");
                }
                @Async public static Coroutine<Void> nothing() {
                    return completed();
                }
                @Async public static Coroutine<String> everyKind(Awaitable<Integer> a, boolean z, byte b, char c, short s, float f) {
                    float[] fs = {f};
                    Object nothing = null;
                    String r = "" + z + b + c + s + f + fs[0] + nothing + await(a) + z + b + c + s + f + fs.length;
                    return completed(r + (nothing == null));
                }
                @Async public static Coroutine<Box> construct(Awaitable<String> a) {
                    return completed(new Box(1, new Box(2, null, await(a)), "outer"));
                }
            }
            """;
    static final String BOX = """
            package p;
            public class Box {
                final int n; final Box inner; final String s;
                public Box(int n, Box inner, String s) { this.n = n; this.inner = inner; this.s = s; }
                @Override public String toString() { return "Box(" + n + "," + inner + "," + s + ")"; }
            }
            """;

    @TempDir
    Path tmp;

    private ClassLoader flow() throws Exception {
        TestSupport.project(tmp, Map.of("p/Flow.java", FLOW, "p/Box.java", BOX));
        return TestSupport.weaveAndLoad(tmp);
    }

    private TestSupport.Driven driven(ClassLoader loader, String method, Object... args) throws Exception {
        return new TestSupport.Driven(TestSupport.call(loader, "p.Flow", method, args));
    }

    @Test
    void valuesOnTheStackAndLiveLocalsSurviveASuspension() throws Exception {
        ClassLoader loader = flow();
        Object a = TestSupport.pending(loader);
        Object b = TestSupport.pending(loader);
        TestSupport.Driven d = driven(loader, "values", a, b);
        d.start();
        assertFalse(d.finished());
        d.resume("B");
        assertFalse(d.finished());
        d.resume(2);
        assertTrue(d.finished());
        assertEquals("x40B10995116277760.5:42", d.result());
    }

    @Test
    void everyKindOfValueSurvives() throws Exception {
        ClassLoader loader = flow();
        TestSupport.Driven d = driven(loader, "everyKind", TestSupport.pending(loader), true, (byte) 7, 'c', (short) 9, 1.5f);
        assertFalse(d.start().finished());
        assertEquals("true7c91.51.5null5true7c91.51true", d.resume(5).result());
    }

    @Test
    void callingAnAsyncMethodRunsNothing() throws Exception {
        ClassLoader loader = flow();
        Object coroutine = TestSupport.call(loader, "p.Flow", "values", null, null);
        assertEquals("p.Flow$values$Coroutine", coroutine.getClass().getName());
        assertFalse(new TestSupport.Driven(coroutine).finished());
    }

    @Test
    void aFailureResumesInsideTheUsersTryRange() throws Exception {
        ClassLoader loader = flow();
        TestSupport.Driven d = driven(loader, "caught", TestSupport.pending(loader)).start();
        d.fail(new IllegalStateException("nope"));
        assertEquals("start:caught nope:finally", d.result());
        TestSupport.Driven ok = driven(loader, "caught", TestSupport.pending(loader)).start().resume("!");
        assertEquals("start!:finally", ok.result());
    }

    @Test
    void instanceMethodsKeepTheirReceiver() throws Exception {
        ClassLoader loader = flow();
        Object flow = Class.forName("p.Flow", true, loader).getConstructor().newInstance();
        var m = flow.getClass().getMethod("instance", Class.forName("io.jasyncio.Awaitable", true, loader));
        TestSupport.Driven d = new TestSupport.Driven(m.invoke(flow, TestSupport.pending(loader))).start().resume("!");
        assertEquals("flow!", d.result());
    }

    @Test
    void childCoroutinesAndTailReturnsComplete() throws Exception {
        ClassLoader loader = flow();
        assertEquals(43, driven(loader, "parent", TestSupport.pending(loader)).start().resume(21).result());
        assertEquals(42, driven(loader, "tail", TestSupport.pending(loader)).start().resume(21).result());
    }

    @Test
    void completedThatIsNotSimplyReturnedBecomesACoroutine() throws Exception {
        ClassLoader loader = flow();
        assertEquals("kept", driven(loader, "ofResult", true).start().result());
        assertEquals("other", driven(loader, "ofResult", false).start().result());
        TestSupport.Driven v = driven(loader, "nothing").start();
        assertTrue(v.finished());
        assertNull(v.result());
    }

    @Test
    void constructorArgumentsMayAwait() throws Exception {
        ClassLoader loader = flow();
        assertEquals("Box(1,Box(2,null,in),outer)",
                driven(loader, "construct", TestSupport.pending(loader)).start().resume("in").result().toString());
    }

    @Test
    void suspendedFramesNameTheirAwaitAndRetainNoDeadReferences() throws Exception {
        ClassLoader loader = flow();
        TestSupport.Driven d = driven(loader, "values", TestSupport.pending(loader), TestSupport.pending(loader)).start();
        StackTraceElement at = d.suspendedAt();
        assertEquals("p.Flow", at.getClassName());
        assertEquals("values", at.getMethodName());
        assertEquals("Flow.java", at.getFileName());
        assertEquals(11, at.getLineNumber());
        // Suspended at await(b): the parameters were moved out of their fields, "unused" is dead.
        for (Field f : d.coroutine.getClass().getDeclaredFields()) {
            f.setAccessible(true);
            Object v = f.get(d.coroutine);
            if (f.getType() == Object.class && v != null) {
                assertFalse(v.toString().startsWith("dead"), "dead local spilled into " + f.getName());
            }
            if (f.getName().startsWith("p$")) {
                assertNull(v, "parameter field " + f.getName() + " still holds its argument");
            }
        }
    }

    @Test
    void frameClassFollowsTheAbi() throws Exception {
        TestSupport.project(tmp, Map.of("p/Flow.java", FLOW, "p/Box.java", BOX));
        WeaveResult r;
        try (ClasspathHierarchy h = TestSupport.hierarchy(tmp)) {
            r = new Weaver(h).weave(TestSupport.read(tmp.resolve("classes"), "p/Flow"));
        }
        assertTrue(r.changed());
        assertEquals(List.of("p/Flow$values$Coroutine", "p/Flow$caught$Coroutine", "p/Flow$instance$Coroutine",
                "p/Flow$child$Coroutine", "p/Flow$parent$Coroutine", "p/Flow$tail$Coroutine",
                "p/Flow$ofResult$Coroutine", "p/Flow$nothing$Coroutine", "p/Flow$everyKind$Coroutine",
                "p/Flow$construct$Coroutine"),
                List.copyOf(r.generatedClasses().keySet()));
        ClassNode frame = node(r.generatedClasses().get("p/Flow$values$Coroutine"));
        assertEquals("io/jasyncio/Coroutine", frame.superName);
        assertEquals(Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, frame.access & (Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC));
        assertEquals("Flow.java", frame.sourceFile);
        assertEquals(List.of("label:I", "p$a:Lio/jasyncio/Awaitable;", "p$b:Lio/jasyncio/Awaitable;",
                "I$0:I", "I$1:I", "J$0:J", "D$0:D", "L$0:Ljava/lang/Object;"),
                frame.fields.stream().map(f -> f.name + ":" + f.desc).toList());
        ClassNode instanceFrame = node(r.generatedClasses().get("p/Flow$instance$Coroutine"));
        assertEquals("self:Lp/Flow;", instanceFrame.fields.get(1).name + ":" + instanceFrame.fields.get(1).desc);

        ClassNode owner = node(r.bytes());
        assertTrue(Names.hasAnnotation(owner.invisibleAnnotations, Names.WOVEN));
        MethodNode body = owner.methods.stream()
                .filter(m -> m.name.equals("values") && m.desc.equals("(Lp/Flow$values$Coroutine;)Ljava/lang/Object;"))
                .findFirst().orElseThrow();
        assertEquals(Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, body.access);
        assertTrue(body.localVariables.stream().anyMatch(lv -> lv.name.equals("sum")), "local variable table kept");
        MethodNode original = owner.methods.stream()
                .filter(m -> m.name.equals("values") && m.desc.endsWith("Lio/jasyncio/Coroutine;"))
                .findFirst().orElseThrow();
        assertTrue(Names.isAsync(original), "the original keeps its annotations");
    }

    @Test
    void bridgeMethodsThatJavacAnnotatedAreLeftAlone() throws Exception {
        TestSupport.project(tmp, Map.of("p/H.java", """
                package p;
                import io.jasyncio.*;
                interface Handler<T> { Coroutine<T> handle(T t); }
                public class H implements Handler<String> {
                    @Async public Coroutine<String> handle(String s) { return Asyncio.completed(s + Asyncio.await(Future.done("!"))); }
                    public static Object viaBridge() { Handler<String> h = new H(); return h.handle("hi"); }
                }
                """));
        WeaveResult r;
        try (ClasspathHierarchy h = TestSupport.hierarchy(tmp)) {
            r = new Weaver(h).weave(TestSupport.read(tmp.resolve("classes"), "p/H"));
        }
        assertEquals(List.of("p/H$handle$Coroutine"), List.copyOf(r.generatedClasses().keySet()));
        ClassLoader loader = TestSupport.weaveAndLoad(tmp);
        TestSupport.Driven d = new TestSupport.Driven(TestSupport.call(loader, "p.H", "viaBridge")).start();
        assertEquals("p.H$handle$Coroutine", d.coroutine.getClass().getName());
        assertEquals("hi!", d.result());
    }

    static final String MERGES = """
            package p;
            import io.jasyncio.*;
            public class Merges {
                public static String untouched(boolean c) {
                    Base x = c ? new A() : new B();
                    return x.id();
                }
                @Async public static Coroutine<String> woven(boolean c, Awaitable<String> a) {
                    Base x = c ? new A() : new B();
                    String s = Asyncio.await(a);
                    return Asyncio.completed(x.id() + s);
                }
            }
            abstract class Base { abstract String id(); }
            class A extends Base { String id() { return "A"; } }
            class B extends Base { String id() { return "B"; } }
            """;

    @Test
    void untouchedMethodsKeepTheirFramesEvenWithAnIncompleteClassPath() throws Exception {
        TestSupport.project(tmp, Map.of("p/Merges.java", MERGES.replace("@Async public static Coroutine<String> woven",
                "@Async public static Coroutine<String> wovenNoMerge(Awaitable<String> a) {"
                        + " return Asyncio.completed(Asyncio.await(a)); }\n    public static Coroutine<String> woven")
                .replace("String s = Asyncio.await(a);", "String s = \"\";")
                .replace("return Asyncio.completed(x.id() + s);", "return null;")));
        java.nio.file.Files.delete(tmp.resolve("classes/p/Base.class"));
        try (ClasspathHierarchy h = TestSupport.hierarchy(tmp)) {
            new DirectoryWeaver(h).weave(tmp.resolve("classes"), f -> f.toString().contains("Merges"));
        }
        TestSupport.compile(tmp.resolve("classes"), List.of(tmp.resolve("stubs")), Map.of("p/Base.java",
                "package p; abstract class Base { abstract String id(); }"));
        ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[]{tmp.resolve("classes").toUri().toURL(),
                tmp.resolve("stubs").toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        assertEquals("B", TestSupport.call(loader, "p.Merges", "untouched", false), "verified by the JVM on load");
    }

    @Test
    void aWovenMergeOverAnUnknownClassIsAnErrorNamingIt() throws Exception {
        TestSupport.project(tmp, Map.of("p/Merges.java", MERGES));
        java.nio.file.Files.delete(tmp.resolve("classes/p/Base.class"));
        java.nio.file.Files.delete(tmp.resolve("classes/p/A.class"));
        try (ClasspathHierarchy h = TestSupport.hierarchy(tmp)) {
            WeaveException e = assertThrows(WeaveException.class,
                    () -> new Weaver(h).weave(TestSupport.read(tmp.resolve("classes"), "p/Merges")));
            assertTrue(e.getMessage().startsWith("p/Merges.java: in p.Merges: cannot compute stack map frames of the woven"
                    + " methods: classes not found on the weaving class path: p/A"), e.getMessage());
        }
    }

    @Test
    void classesWithoutAsyncComeBackByteIdentical() throws Exception {
        TestSupport.project(tmp, Map.of("p/Plain.java", "package p; public class Plain { int f() { return 1; } }",
                "p/Uses.java", "package p; public class Uses { Object f() { return io.jasyncio.Future.pending(); } }"));
        try (ClasspathHierarchy h = TestSupport.hierarchy(tmp)) {
            for (String c : List.of("p/Plain", "p/Uses")) {
                byte[] in = TestSupport.read(tmp.resolve("classes"), c);
                WeaveResult r = new Weaver(h).weave(in);
                assertFalse(r.changed());
                assertSame(in, r.bytes());
                assertTrue(r.generatedClasses().isEmpty());
            }
        }
    }

    @Test
    void weavingIsIdempotentAndDeterministic() throws Exception {
        TestSupport.project(tmp, Map.of("p/Flow.java", FLOW, "p/Box.java", BOX));
        byte[] in = TestSupport.read(tmp.resolve("classes"), "p/Flow");
        try (ClasspathHierarchy h = TestSupport.hierarchy(tmp)) {
            WeaveResult first = new Weaver(h).weave(in);
            WeaveResult second = new Weaver(h).weave(in.clone());
            assertArrayEquals(first.bytes(), second.bytes());
            for (String name : first.generatedClasses().keySet()) {
                assertArrayEquals(first.generatedClasses().get(name), second.generatedClasses().get(name), name);
            }
            WeaveResult again = new Weaver(h).weave(first.bytes());
            assertFalse(again.changed());
            assertSame(first.bytes(), again.bytes());
        }
    }

    @Test
    void theAgentsHierarchyGivesTheSameBytesAsTheBuilds() throws Exception {
        TestSupport.project(tmp, Map.of("p/Flow.java", FLOW, "p/Box.java", BOX));
        byte[] in = TestSupport.read(tmp.resolve("classes"), "p/Flow");
        try (ClasspathHierarchy h = TestSupport.hierarchy(tmp);
             var loader = new java.net.URLClassLoader(new java.net.URL[]{tmp.resolve("classes").toUri().toURL(),
                     tmp.resolve("stubs").toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            assertArrayEquals(new Weaver(h).weave(in).bytes(), new Weaver(new ClassLoaderHierarchy(loader)).weave(in).bytes());
        }
    }

    @Test
    void corruptAndTooNewClassFilesAreNamed() throws Exception {
        TestSupport.project(tmp, Map.of("p/Flow.java", FLOW, "p/Box.java", BOX));
        byte[] in = TestSupport.read(tmp.resolve("classes"), "p/Flow");
        Weaver weaver = new Weaver(name -> null);
        byte[] truncated = java.util.Arrays.copyOf(in, in.length / 2);
        WeaveException e = assertThrows(WeaveException.class, () -> weaver.weave(truncated));
        assertTrue(e.getMessage().contains("cannot read class"), e.getMessage());
        byte[] future = in.clone();
        future[6] = 0;
        future[7] = (byte) 200;   // major version 200
        WeaveException v = assertThrows(WeaveException.class, () -> weaver.weave(future));
        assertTrue(v.getMessage().contains("p/Flow.class") && v.getMessage().contains("Unsupported class file major version"),
                v.getMessage());
    }

    private static ClassNode node(byte[] bytes) {
        ClassNode n = new ClassNode();
        new ClassReader(bytes).accept(n, 0);
        return n;
    }
}
