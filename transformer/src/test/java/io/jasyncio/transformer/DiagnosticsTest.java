package io.jasyncio.transformer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every misuse the weaver reports, each naming file, line and method, all of a class at once. */
class DiagnosticsTest {
    @TempDir
    Path tmp;

    private List<Diagnostic> diagnostics(String className, String source) throws Exception {
        return diagnostics(className, source, java.util.function.UnaryOperator.identity());
    }

    private List<Diagnostic> diagnostics(String className, String source, java.util.function.UnaryOperator<byte[]> edit)
            throws Exception {
        TestSupport.project(tmp, Map.of(className + ".java", source));
        try (ClasspathHierarchy h = TestSupport.hierarchy(tmp)) {
            byte[] in = edit.apply(TestSupport.read(tmp.resolve("classes"), className));
            return assertThrows(WeaveException.class, () -> new Weaver(h).weave(in)).diagnostics();
        }
    }

    /** javac refuses @Async on a constructor (it targets methods), but other compilers and tools may not. */
    private static byte[] annotateConstructor(byte[] in) {
        org.objectweb.asm.tree.ClassNode n = new org.objectweb.asm.tree.ClassNode();
        new org.objectweb.asm.ClassReader(in).accept(n, 0);
        for (org.objectweb.asm.tree.MethodNode m : n.methods) {
            if (m.name.equals("<init>")) {
                m.visibleAnnotations = new java.util.ArrayList<>(List.of(new org.objectweb.asm.tree.AnnotationNode(Names.ASYNC)));
            }
        }
        org.objectweb.asm.ClassWriter w = new org.objectweb.asm.ClassWriter(0);
        n.accept(w);
        return w.toByteArray();
    }

    private static void assertDiagnostic(Diagnostic d, String method, int line, String message) {
        assertEquals(method, d.method(), d.toString());
        assertEquals(line, d.line(), d.toString());
        assertTrue(d.message().startsWith(message), d.toString());
    }

    @Test
    void awaitOutsideAsyncAndInsideALambda() throws Exception {
        List<Diagnostic> ds = diagnostics("p/Misuse", """
                package p;
                import io.jasyncio.*;
                import static io.jasyncio.Asyncio.*;
                class Misuse {
                    static Object plain(Awaitable<String> a) {
                        return await(a);
                    }
                    @Async static Coroutine<Void> withLambda(Awaitable<String> a) {
                        Runnable r = () -> System.out.println(
                                await(a));
                        return completed();
                    }
                    static Coroutine<String> ready() {
                        return completed("x");
                    }
                }
                """);
        assertEquals(3, ds.size(), ds.toString());
        assertDiagnostic(ds.get(0), "plain", 6, "await(...) in a method that is not @Async — annotate plain with @Async");
        assertEquals("p/Misuse.java:6: in p.Misuse.plain(): await(...) in a method that is not @Async — annotate plain"
                + " with @Async and return Coroutine<T>, or await in an @Async caller", ds.get(0).toString());
        assertDiagnostic(ds.get(1), "ready", 14, "completed(...) outside an @Async method");
        assertDiagnostic(ds.get(2), "lambda$withLambda$0", 10, "await(...) inside a lambda: a lambda cannot suspend");
    }

    @Test
    void awaitWhileAMonitorIsHeld() throws Exception {
        List<Diagnostic> ds = diagnostics("p/Locked", """
                package p;
                import io.jasyncio.*;
                import static io.jasyncio.Asyncio.*;
                class Locked {
                    final Object lock = new Object();
                    @Async Coroutine<Void> block(Awaitable<String> a) {
                        synchronized (lock) {
                            await(a);
                        }
                        try {
                            synchronized (lock) {
                                System.out.println();
                            }
                        } catch (RuntimeException e) {
                            await(a);
                        }
                        await(a);
                        return completed();
                    }
                    @Async synchronized Coroutine<Void> method(Awaitable<String> a) {
                        await(a);
                        return completed();
                    }
                }
                """);
        assertEquals(2, ds.size(), "awaits after and around the block are fine: " + ds);
        assertDiagnostic(ds.get(0), "block", 8, "await(...) inside synchronized block — move the await out of the"
                + " block or use a jasyncio Lock");
        assertDiagnostic(ds.get(1), "method", 21, "await(...) in a synchronized method");
    }

    @Test
    void asyncOnMethodsThatCannotBeCoroutines() throws Exception {
        List<Diagnostic> ds = diagnostics("p/Shapes", """
                package p;
                import io.jasyncio.*;
                import static io.jasyncio.Asyncio.*;
                abstract class Shapes {
                    Shapes() {
                        super();
                    }
                    @Async abstract Coroutine<String> abstractOne();
                    @Async native Coroutine<String> nativeOne();
                    @Async String notACoroutine() {
                        return "x";
                    }
                }
                """, DiagnosticsTest::annotateConstructor);
        assertEquals(4, ds.size(), ds.toString());
        assertDiagnostic(ds.get(0), "<init>", 6, "@Async on a constructor");
        assertDiagnostic(ds.get(1), "abstractOne", -1, "@Async on an abstract method");
        assertDiagnostic(ds.get(2), "nativeOne", -1, "@Async on a native method");
        assertDiagnostic(ds.get(3), "notACoroutine", 11, "@Async method returns java.lang.String, not Coroutine");
        assertEquals("p/Shapes.java: in p.Shapes.abstractOne(): " + ds.get(1).message(), ds.get(1).toString());
    }

    @Test
    void theDefaultPackageHasNoDirectory() throws Exception {
        List<Diagnostic> ds = diagnostics("Top", """
                import io.jasyncio.*;
                class Top {
                    Object f(Awaitable<String> a) { return Asyncio.await(a); }
                }
                """);
        assertEquals("Top.java", ds.get(0).sourceFile());
        assertEquals("Top", ds.get(0).className());
    }
}
