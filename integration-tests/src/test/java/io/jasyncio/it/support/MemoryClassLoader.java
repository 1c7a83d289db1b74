package io.jasyncio.it.support;

import java.util.Map;

/**
 * Defines classes held in memory, child-first: a name it holds is never taken from the parent. A fresh
 * instance per program keeps woven classes of one run from leaking into the next.
 */
public final class MemoryClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    /** @param classes class files by binary name ({@code a.b.Foo$Bar}) */
    public MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super("jasyncio-it-memory", parent);
        this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = classes.containsKey(name) ? findClass(name) : getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** Class files are also readable as resources, so a class-hierarchy reader sees them like the JVM does. */
    @Override
    public java.io.InputStream getResourceAsStream(String name) {
        if (name.endsWith(".class")) {
            byte[] bytes = classes.get(name.substring(0, name.length() - 6).replace('/', '.'));
            if (bytes != null) {
                return new java.io.ByteArrayInputStream(bytes);
            }
        }
        return super.getResourceAsStream(name);
    }
}
