package io.jasyncio.transformer;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class hierarchy as a class loader sees it, read from its {@code .class} resources so that no class
 * is loaded or initialised while it is being woven (the Java agent's view).
 */
public final class ClassLoaderHierarchy implements ClassHierarchy {
    private final WeakReference<ClassLoader> loader;
    private final Map<String, Optional<ClassInfo>> cache = new ConcurrentHashMap<>();

    /** @param loader the defining loader of the classes being woven; null means the platform's classes */
    public ClassLoaderHierarchy(ClassLoader loader) {
        this.loader = new WeakReference<>(loader != null ? loader : ClassLoader.getPlatformClassLoader());
    }

    @Override
    public ClassInfo find(String internalName) {
        return cache.computeIfAbsent(internalName, n -> Optional.ofNullable(read(n))).orElse(null);
    }

    private ClassInfo read(String name) {
        ClassLoader l = loader.get();
        if (l == null) {
            return null;
        }
        try (InputStream in = l.getResourceAsStream(name + ".class")) {
            return in == null ? null : ClassInfo.fromClassFile(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
