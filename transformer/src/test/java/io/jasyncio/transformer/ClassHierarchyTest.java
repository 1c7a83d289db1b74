package io.jasyncio.transformer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both hierarchies answer from class files: directories, jars, the JDK, a class loader's resources. */
class ClassHierarchyTest {
    @TempDir
    Path tmp;

    @Test
    void classpathHierarchyReadsDirectoriesJarsAndTheJdk() throws Exception {
        Path classes = tmp.resolve("classes");
        TestSupport.compile(classes, List.of(), Map.of("a/Sub.java", "package a; public class Sub extends java.util.ArrayList<String> implements Runnable { public void run() {} }",
                "b/InJar.java", "package b; public interface InJar extends java.io.Closeable {}"));
        Path jar = tmp.resolve("lib.jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new JarEntry("b/InJar.class"));
            j.write(Files.readAllBytes(classes.resolve("b/InJar.class")));
        }
        Files.delete(classes.resolve("b/InJar.class"));
        try (ClasspathHierarchy h = new ClasspathHierarchy(List.of(classes, jar, tmp.resolve("absent")))) {
            ClassHierarchy.ClassInfo sub = h.find("a/Sub");
            assertEquals("java/util/ArrayList", sub.superName());
            assertArrayEquals(new String[]{"java/lang/Runnable"}, sub.interfaces());
            assertFalse(sub.isInterface());
            ClassHierarchy.ClassInfo inJar = h.find("b/InJar");
            assertTrue(inJar.isInterface());
            assertEquals("java/util/AbstractList", h.find("java/util/ArrayList").superName());
            assertTrue(h.find("java/sql/Connection").isInterface(), "classes of other JDK modules too");
            assertNull(h.find("java/lang/Object").superName());
            assertNull(h.find("no/Such"));
            TypeRelations r = new TypeRelations(h);
            assertEquals("java/util/AbstractList", r.commonSuperClass("a/Sub", "java/util/Vector"));
            assertTrue(r.isSubtype("a/Sub", "java/util/Collection"));
            assertEquals("java/lang/Object", r.commonSuperClass("b/InJar", "a/Sub"));
        }
    }

    @Test
    void classLoaderHierarchyReadsResourcesWithoutLoading() throws Exception {
        Path classes = tmp.resolve("classes");
        TestSupport.compile(classes, List.of(), Map.of("a/Loud.java",
                "package a; public class Loud { static { if (true) throw new Error(\"initialised\"); } }"));
        try (var loader = new java.net.URLClassLoader(new java.net.URL[]{classes.toUri().toURL()}, null)) {
            ClassLoaderHierarchy h = new ClassLoaderHierarchy(loader);
            assertEquals("java/lang/Object", h.find("a/Loud").superName());
            assertEquals("java/util/AbstractList", h.find("java/util/ArrayList").superName());
            assertNull(h.find("no/Such"));
        }
    }
}
