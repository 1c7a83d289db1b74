package io.jasyncio.transformer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Limits found by the differential fuzzer: inaccessible merged types, 255 parameter slots, 64 KiB of code. */
class WeaverEdgeCasesTest {
    @TempDir
    Path tmp;

    static final String MERGED = """
            package p;
            import io.jasyncio.*;
            import static io.jasyncio.Asyncio.*;
            public class Merged {
                static class Hidden { public String toString() { return "hidden"; } }
                static class Shown extends Hidden { }
                static class AlsoShown extends Hidden { }
                @Async public static Coroutine<String> merged(boolean flag, Awaitable<String> a) {
                    CharSequence cs = flag ? new StringBuilder("b") : new StringBuffer("f");
                    String s = await(a);
                    return completed(cs + s + cs.length());
                }
                @Async public static Coroutine<String> mergedArray(boolean flag, Awaitable<String> a) {
                    CharSequence[] cs = flag ? new StringBuilder[]{new StringBuilder("b")} : new StringBuffer[]{new StringBuffer("f")};
                    String s = await(a);
                    return completed(cs.length + ":" + cs[0] + s);
                }
                @Async public static Coroutine<String> samePackage(boolean flag, Awaitable<String> a) {
                    Object h = flag ? new Shown() : new AlsoShown();
                    String s = await(a);
                    return completed(h + s);
                }
            }
            """;

    /** The restore block's checkcast of each woven method, by method name. */
    private static List<String> casts(byte[] woven, String method) {
        ClassNode n = new ClassNode();
        new ClassReader(woven).accept(n, 0);
        List<String> casts = new ArrayList<>();
        for (MethodNode m : n.methods) {
            if (m.name.equals(method) && (m.access & Opcodes.ACC_SYNTHETIC) != 0) {
                for (AbstractInsnNode insn : m.instructions) {
                    if (insn.getOpcode() == Opcodes.CHECKCAST) {
                        casts.add(((TypeInsnNode) insn).desc);
                    }
                }
            }
        }
        return casts;
    }

    @Test
    void aLocalWhoseMergedTypeIsInaccessibleIsRestoredAsItsNearestAccessibleSuperclass() throws Exception {
        TestSupport.project(tmp, Map.of("p/Merged.java", MERGED));
        try (ClasspathHierarchy h = TestSupport.hierarchy(tmp)) {
            byte[] woven = new Weaver(h).weave(TestSupport.read(tmp.resolve("classes"), "p/Merged")).bytes();
            assertFalse(casts(woven, "merged").stream().anyMatch(c -> c.contains("AbstractStringBuilder")), casts(woven, "merged").toString());
            assertFalse(casts(woven, "mergedArray").stream().anyMatch(c -> c.contains("AbstractStringBuilder")));
            // a package-private class of the owner's own package is accessible: kept exact
            assertTrue(casts(woven, "samePackage").contains("p/Merged$Hidden"), casts(woven, "samePackage").toString());
        }
        ClassLoader loader = TestSupport.weaveAndLoad(tmp);
        for (boolean flag : new boolean[]{true, false}) {
            TestSupport.Driven d = new TestSupport.Driven(TestSupport.call(loader, "p.Merged", "merged", flag,
                    TestSupport.pending(loader))).start();
            assertFalse(d.finished());
            assertEquals((flag ? "b" : "f") + "!1", d.resume("!").result(), "no IllegalAccessError on resume");
            d = new TestSupport.Driven(TestSupport.call(loader, "p.Merged", "mergedArray", flag,
                    TestSupport.pending(loader))).start();
            assertEquals("1:" + (flag ? "b" : "f") + "!", d.resume("!").result());
            d = new TestSupport.Driven(TestSupport.call(loader, "p.Merged", "samePackage", flag,
                    TestSupport.pending(loader))).start();
            assertEquals("hidden!", d.resume("!").result());
        }
    }

    @Test
    void theNearestAccessibleSuperclassFollowsAccessAndModuleExports() {
        TypeRelations r = new TypeRelations(name -> new ClasspathHierarchy(List.of()).find(name));
        org.objectweb.asm.Type asb = org.objectweb.asm.Type.getObjectType("java/lang/AbstractStringBuilder");
        assertEquals("java/lang/Object", r.accessibleFrom(asb, "p/Owner").getInternalName());
        assertEquals(asb, r.accessibleFrom(asb, "java/lang/Owner"), "same package");
        assertEquals("[[Ljava/lang/Object;", r.accessibleFrom(org.objectweb.asm.Type.getType("[[Ljava/lang/AbstractStringBuilder;"),
                "p/Owner").getDescriptor());
        assertEquals("[I", r.accessibleFrom(org.objectweb.asm.Type.getType("[I"), "p/Owner").getDescriptor());
        // public, but in a package java.base does not export
        assertFalse(r.isAccessible("jdk/internal/misc/Unsafe", "p/Owner"));
        assertTrue(r.isAccessible("java/lang/String", "p/Owner"));
    }

    /** A source whose method has {@code ints} int and {@code longs} long parameters, awaiting once. */
    private static String wide(boolean isStatic, int ints, int longs) {
        StringBuilder params = new StringBuilder("Awaitable<String> a");
        StringBuilder sum = new StringBuilder("0L");
        for (int i = 0; i < ints; i++) {
            params.append(", int i").append(i);
            sum.append(" + i").append(i);
        }
        for (int i = 0; i < longs; i++) {
            params.append(", long l").append(i);
            sum.append(" + l").append(i);
        }
        return """
                package p;
                import io.jasyncio.*;
                import static io.jasyncio.Asyncio.*;
                public class Wide {
                    @Async public %s Coroutine<String> run(%s) {
                        String s = await(a);
                        return completed(s + (%s));
                    }
                }
                """.formatted(isStatic ? "static" : "", params, sum);
    }

    private static Object[] args(Object awaitable, int ints, int longs) {
        Object[] args = new Object[1 + ints + longs];
        args[0] = awaitable;
        for (int i = 0; i < ints; i++) {
            args[1 + i] = i + 1;
        }
        for (int i = 0; i < longs; i++) {
            args[1 + ints + i] = (long) i + 1;
        }
        return args;
    }

    @Test
    void aStaticMethodWith255ParameterSlotsGetsAFrameThatLoads() throws Exception {
        // an Awaitable, 2 ints and 126 longs: 255 slots, so a constructor (P1..Pn)V would need 256
        TestSupport.project(tmp, Map.of("p/Wide.java", wide(true, 2, 126)));
        ClassLoader loader = TestSupport.weaveAndLoad(tmp);
        Class<?> frame = Class.forName("p.Wide$run$Coroutine", true, loader);
        assertArrayEquals(new Class<?>[0], frame.getDeclaredConstructors()[0].getParameterTypes());
        TestSupport.Driven d = new TestSupport.Driven(TestSupport.call(loader, "p.Wide", "run",
                args(TestSupport.pending(loader), 2, 126))).start();
        assertFalse(d.finished());
        assertEquals("x" + (3 + 126 * 127 / 2), d.resume("x").result());
    }

    @Test
    void anInstanceMethodWith254ParameterSlotsGetsAFrameThatLoads() throws Exception {
        // this + an Awaitable, an int and 126 longs = 255 slots; the constructor would add self: 256
        TestSupport.project(tmp, Map.of("p/Wide.java", wide(false, 1, 126)));
        ClassLoader loader = TestSupport.weaveAndLoad(tmp);
        Class<?> owner = Class.forName("p.Wide", true, loader);
        Object self = owner.getConstructor().newInstance();
        java.lang.reflect.Method run = java.util.Arrays.stream(owner.getDeclaredMethods())
                .filter(m -> m.getName().equals("run") && !m.isSynthetic()).findFirst().orElseThrow();
        TestSupport.Driven d = new TestSupport.Driven(run.invoke(self, args(TestSupport.pending(loader), 1, 126))).start();
        assertEquals("y" + (1 + 126 * 127 / 2), d.resume("y").result());
    }

    @Test
    void narrowerMethodsKeepTheConstructorTakingTheArguments() throws Exception {
        TestSupport.project(tmp, Map.of("p/Wide.java", wide(true, 1, 126)));   // 254 slots + this = 255
        ClassLoader loader = TestSupport.weaveAndLoad(tmp);
        assertEquals(128, Class.forName("p.Wide$run$Coroutine", true, loader).getDeclaredConstructors()[0].getParameterCount());
    }

    @Test
    void aMethodWhoseWovenCodeIsTooLargeIsReportedWithItsLineAndTheFix() throws Exception {
        StringBuilder body = new StringBuilder();
        StringBuilder sum = new StringBuilder("0L");
        for (int i = 0; i < 100; i++) {
            body.append("        long l").append(i).append(" = ").append(i).append("L * await(a);\n");
            sum.append(" + l").append(i);
        }
        String source = """
                package p;
                import io.jasyncio.*;
                import static io.jasyncio.Asyncio.*;
                public class Big {
                    @Async public static Coroutine<String> big(Awaitable<Long> a) {
                %s        return completed("" + (%s));
                    }
                }
                """.formatted(body, sum);
        TestSupport.project(tmp, Map.of("p/Big.java", source));
        try (ClasspathHierarchy h = TestSupport.hierarchy(tmp)) {
            byte[] in = TestSupport.read(tmp.resolve("classes"), "p/Big");
            List<Diagnostic> ds = assertThrows(WeaveException.class, () -> new Weaver(h).weave(in)).diagnostics();
            assertEquals(1, ds.size());
            String d = ds.get(0).toString();
            assertTrue(d.startsWith("p/Big.java:6: in p.Big.big(): cannot weave this @Async method: the woven code is "), d);
            assertTrue(d.endsWith("split the method into smaller @Async methods"), d);
        }
    }
}
