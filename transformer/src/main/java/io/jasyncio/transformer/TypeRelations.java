package io.jasyncio.transformer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Subtype and common-super-class questions answered from a {@link ClassHierarchy}, cached for one weave.
 * Classes the hierarchy cannot find are remembered, so a verification failure can name them.
 */
final class TypeRelations {
    static final String OBJECT = "java/lang/Object";
    private static final ClassHierarchy.ClassInfo MISSING = new ClassHierarchy.ClassInfo("", null, new String[0], false);

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
