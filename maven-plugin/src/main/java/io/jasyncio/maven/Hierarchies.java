package io.jasyncio.maven;

import io.jasyncio.transformer.ClassHierarchy;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.List;

/** The class hierarchy the weaver computes frames against: the project's own class path plus the JDK. */
final class Hierarchies {
    private static final String CLASSPATH_HIERARCHY = "io.jasyncio.transformer.ClasspathHierarchy";

    private Hierarchies() {
    }

    static ClassHierarchy forClasspath(List<Path> classpath) {
        try {
            Class<?> type = Class.forName(CLASSPATH_HIERARCHY, true, Hierarchies.class.getClassLoader());
            Constructor<?> constructor = type.getConstructor(List.class);
            return (ClassHierarchy) constructor.newInstance(classpath);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            // A transformer without ClasspathHierarchy cannot weave anything either; nothing will ask.
            return name -> null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the class path " + classpath + ": " + e.getCause(), e);
        }
    }
}
