package io.jasyncio.it.woven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.it.shapes.ShapesTestAccess;
import io.jasyncio.it.support.TestPaths;
import io.jasyncio.it.support.WovenClassCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Every class the plugin wove in this module's test classes, and every frame class it generated, passes
 * ASM's verifier and the JVM's (loaded, linked and initialised), and every {@code @Async} method got its
 * frame class.
 */
class WovenClassesTest {
    private static final String ASYNC = "Lio/jasyncio/Async;";
    private static final String WOVEN = "Lio/jasyncio/internal/Woven;";

    private static final Map<String, byte[]> woven = new TreeMap<>();
    private static final Map<String, byte[]> frames = new TreeMap<>();
    private static final List<String> asyncMethods = new ArrayList<>();

    @BeforeAll
    static void scan() throws IOException {
        Path root = TestPaths.locationOf(WovenClassesTest.class);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            if (majorVersion(bytes) > Runtime.version().feature() + 44) {
                continue;   // left by a build on a newer JDK (src/test/java21): this JVM cannot load it
            }
            ClassNode c = new ClassNode();
            new ClassReader(bytes).accept(c, ClassReader.SKIP_CODE);
            String name = c.name.replace('/', '.');
            if (has(c.invisibleAnnotations, WOVEN)) {
                woven.put(name, bytes);
            }
            if ("io/jasyncio/Coroutine".equals(c.superName) && c.name.contains("$Coroutine")) {
                frames.put(name, bytes);
            }
            for (MethodNode m : c.methods) {
                boolean generated = (m.access & (Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC)) != 0;
                if (!generated && has(m.visibleAnnotations, ASYNC)) {
                    asyncMethods.add(name + "#" + m.name);
                }
            }
        }
    }

    private static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    private static boolean has(List<AnnotationNode> annotations, String desc) {
        return annotations != null && annotations.stream().anyMatch(a -> a.desc.equals(desc));
    }

    @Test
    void everyAsyncMethodIsWovenAndHasItsFrameClass() {
        assertTrue(asyncMethods.size() > 60, "expected the shape suite's @Async methods, found " + asyncMethods.size());
        for (String m : asyncMethods) {
            String owner = m.substring(0, m.indexOf('#'));
            String method = m.substring(m.indexOf('#') + 1);
            assertTrue(woven.containsKey(owner), owner + " has @Async methods but no Woven marker");
            assertTrue(frames.keySet().stream().anyMatch(f -> f.equals(owner + "$" + method + "$Coroutine")
                    || f.matches(java.util.regex.Pattern.quote(owner + "$" + method + "$Coroutine") + "\\d+")),
                    () -> "no frame class for " + m + " among " + frames.keySet());
        }
        long frameCount = asyncMethods.size();
        assertEquals(frameCount, frames.size(), "one frame class per @Async method");
    }

    @TestFactory
    Stream<DynamicTest> everyWovenAndGeneratedClassVerifiesAndLinks() {
        Map<String, byte[]> all = new TreeMap<>(woven);
        all.putAll(frames);
        ClassLoader loader = WovenClassesTest.class.getClassLoader();
        return all.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            assertEquals("", WovenClassCheck.asmProblems(e.getValue(), loader), "CheckClassAdapter on " + e.getKey());
            WovenClassCheck.link(e.getKey(), loader);
        }));
    }

    @Test
    void theShapeClassesAreAmongTheWoven() {
        for (Class<?> c : ShapesTestAccess.shapeClasses()) {
            assertTrue(woven.containsKey(c.getName()), c.getName() + " was not woven by the plugin");
        }
    }
}
