package io.jasyncio.transformer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Subtype and common-super-class questions answered from a {@link ClassHierarchy}, cached for one weave.
 * Classes the hierarchy cannot find are remembered, so a verification failure can name them.
 */
final class TypeRelations {
    static final String OBJECT = "java/lang/Object";
    private static final ClassHierarchy.ClassInfo MISSING = new ClassHierarchy.ClassInfo("", null, new String[0], false, 0, false);

    private final ClassHierarchy hierarchy;
    private final Map<String, ClassHierarchy.ClassInfo> cache = new HashMap<>();
    private final Set<String> missing = new TreeSet<>();
    private final Set<String> unresolved = new TreeSet<>();

    TypeRelations(ClassHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /** The class, or null (and remembered as missing) when the hierarchy does not know it. */
    ClassHierarchy.ClassInfo info(String name) {
        ClassHierarchy.ClassInfo info = cache.get(name);
        if (info == null) {
            info = hierarchy.find(name);
            if (info == null) {
                missing.add(name);
                info = MISSING;
            }
            cache.put(name, info);
        }
        return info == MISSING ? null : info;
    }

    boolean isKnown(String name) {
        return info(name) != null;
    }

    boolean isInterface(String name) {
        ClassHierarchy.ClassInfo info = info(name);
        return info != null && info.isInterface();
    }

    /** The super class, null for Object, interfaces answer Object; unknown classes answer null. */
    String superName(String name) {
        ClassHierarchy.ClassInfo info = info(name);
        if (info == null) {
            return null;
        }
        return info.isInterface() ? OBJECT : info.superName();
    }

    /** Whether {@code sub} is {@code sup} or extends/implements it; false when the chain is unknown. */
    boolean isSubtype(String sub, String sup) {
        if (sub.equals(sup) || sup.equals(OBJECT)) {
            return true;
        }
        ClassHierarchy.ClassInfo info = info(sub);
        if (info == null) {
            return false;
        }
        if (info.superName() != null && isSubtype(info.superName(), sup)) {
            return true;
        }
        for (String itf : info.interfaces()) {
            if (isSubtype(itf, sup)) {
                return true;
            }
        }
        return false;
    }

    /** What ASM's frame computation asks: the nearest common super class (Object for interfaces/unknowns). */
    String commonSuperClass(String a, String b) {
        if (!isKnown(a) || !isKnown(b)) {
            guessed(a);
            guessed(b);
        }
        if (isSubtype(b, a)) {
            return a;
        }
        if (isSubtype(a, b)) {
            return b;
        }
        if (isInterface(a) || isInterface(b)) {
            return OBJECT;
        }
        String c = superName(a);
        while (c != null) {
            if (isSubtype(b, c)) {
                return c;
            }
            guessed(c);
            c = superName(c);
        }
        return OBJECT;
    }

    /**
     * The type a value of analysed type {@code t} can be cast to in code of class {@code from}: {@code t}
     * itself when accessible, else its nearest accessible super class (Object if none); arrays by their
     * element type. The verifier treats interfaces as Object, and user code can only name accessible
     * types, so nothing after the cast needs more than this. Unknown classes are kept as they are.
     */
    org.objectweb.asm.Type accessibleFrom(org.objectweb.asm.Type t, String from) {
        if (t.getSort() == org.objectweb.asm.Type.ARRAY) {
            org.objectweb.asm.Type e = t.getElementType();
            if (e.getSort() != org.objectweb.asm.Type.OBJECT) {
                return t;
            }
            org.objectweb.asm.Type a = accessibleFrom(e, from);
            return a.equals(e) ? t : org.objectweb.asm.Type.getType("[".repeat(t.getDimensions()) + a.getDescriptor());
        }
        if (t.getSort() != org.objectweb.asm.Type.OBJECT) {
            return t;
        }
        String c = t.getInternalName();
        while (c != null && !isAccessible(c, from)) {
            c = superName(c);
        }
        return c == null || c.equals(t.getInternalName()) ? t : org.objectweb.asm.Type.getObjectType(c);
    }

    /**
     * Whether code in class {@code from} may name class {@code name} (JVMS 5.4.4): it is public (and, in a
     * module of the boot layer, its package is exported to everyone) or in the same package. Unknown classes
     * count as accessible: nothing better is known, and the verify pass names them.
     */
    boolean isAccessible(String name, String from) {
        ClassHierarchy.ClassInfo info = info(name);
        if (info == null || packageOf(name).equals(packageOf(from))) {
            return true;
        }
        return (info.access() & org.objectweb.asm.Opcodes.ACC_PUBLIC) != 0 && exported(packageOf(name));
    }

    private static String packageOf(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** Packages of the boot layer's modules (the JDK's), each to whether it is exported unconditionally. */
    private static final class BootPackages {
        static final Map<String, Boolean> EXPORTED = new HashMap<>();

        static {
            for (Module m : ModuleLayer.boot().modules()) {
                for (String p : m.getPackages()) {
                    EXPORTED.merge(p.replace('.', '/'), m.isExported(p), Boolean::logicalOr);
                }
            }
        }
    }

    private static boolean exported(String pkg) {
        return BootPackages.EXPORTED.getOrDefault(pkg, true);
    }

    /**
     * Whether {@code close()V} called on static type {@code type} can only resolve to
     * {@code AsyncCloseable}'s default method: {@code type} is an AsyncCloseable, and no class from it up
     * to Object nor any of its interfaces other than AsyncCloseable and AutoCloseable declares
     * {@code close()V}. False when any class on the way is unknown.
     */
    boolean closeIsAsyncCloseableDefault(String type) {
        if (!isSubtype(type, Names.ASYNC_CLOSEABLE)) {
            return false;
        }
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(type));
        Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (!seen.add(c) || c.equals(OBJECT) || c.equals(Names.ASYNC_CLOSEABLE) || c.equals("java/lang/AutoCloseable")) {
                continue;
            }
            ClassHierarchy.ClassInfo info = info(c);
            if (info == null || info.declaresClose()) {
                return false;
            }
            if (info.superName() != null) {
                todo.push(info.superName());
            }
            todo.addAll(List.of(info.interfaces()));
        }
        return true;
    }

    /** Remembers an unknown class whose place in the hierarchy a merge had to guess (as Object). */
    void guessed(String name) {
        if (!isKnown(name)) {
            unresolved.add(name);
        }
    }

    /** Unknown classes that decided a merge: the frames of woven code may then be wrong. */
    Set<String> unresolved() {
        return unresolved;
    }

    /** Classes asked about but not found, sorted. */
    Set<String> missing() {
        return missing;
    }
}
