package io.jasyncio.transformer;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * ASM's {@link SimpleVerifier} with its class questions sent to a {@link TypeRelations} instead of a class
 * loader. Lenient mode only types values (javac already verified the input); strict mode checks
 * reference assignments too, trusting only what it cannot look up.
 */
final class HierarchyVerifier extends SimpleVerifier {
    private final TypeRelations relations;
    private final boolean strict;

    HierarchyVerifier(TypeRelations relations, boolean strict) {
        super(Opcodes.ASM9, null, null, null, false);
        this.relations = relations;
        this.strict = strict;
    }

    @Override
    protected boolean isSubTypeOf(BasicValue value, BasicValue expected) {
        Type e = expected.getType();
        Type t = value.getType();
        if (t != null && e != null && isReference(e) && isReference(t)) {
            if (!strict || t.equals(NULL_TYPE) || e.getSort() == Type.OBJECT && relations.isInterface(e.getInternalName())) {
                return true;
            }
            return isAssignableFrom(e, t) || !known(e) || !known(t);
        }
        return super.isSubTypeOf(value, expected);
    }

    private boolean known(Type t) {
        Type base = t.getSort() == Type.ARRAY ? t.getElementType() : t;
        return base.getSort() != Type.OBJECT || relations.isKnown(base.getInternalName());
    }

    private static boolean isReference(Type t) {
        return t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY;
    }

    @Override
    protected boolean isInterface(Type type) {
        return type.getSort() == Type.OBJECT && relations.isInterface(type.getInternalName());
    }

    @Override
    protected Type getSuperClass(Type type) {
        if (type.getSort() != Type.OBJECT) {
            return type.getSort() == Type.ARRAY ? Type.getObjectType(TypeRelations.OBJECT) : null;
        }
        String name = type.getInternalName();
        if (name.equals(TypeRelations.OBJECT)) {
            return null;
        }
        relations.guessed(name);
        String s = relations.superName(name);
        // An unknown class is guessed to extend Object; the guess is remembered and reported.
        return Type.getObjectType(s == null ? TypeRelations.OBJECT : s);
    }

    @Override
    protected boolean isAssignableFrom(Type type1, Type type2) {
        if (type1 == null || type2 == null) {
            return false;
        }
        if (type1.equals(type2)) {
            return true;
        }
        if (type2.equals(NULL_TYPE)) {
            return isReference(type1);
        }
        if (type1.getSort() == Type.ARRAY) {
            if (type2.getSort() != Type.ARRAY) {
                return false;
            }
            Type e1 = Type.getType(type1.getDescriptor().substring(1));
            Type e2 = Type.getType(type2.getDescriptor().substring(1));
            // as the JVM's verifier: an array of an interface type takes any array of references
            return isReference(e1) && isReference(e2) && (isAssignableFrom(e1, e2)
                    || e1.getSort() == Type.OBJECT && relations.isInterface(e1.getInternalName()));
        }
        if (type1.getSort() != Type.OBJECT) {
            return false;
        }
        String name = type1.getInternalName();
        if (type2.getSort() == Type.ARRAY) {
            return name.equals(TypeRelations.OBJECT) || name.equals("java/lang/Cloneable")
                    || name.equals("java/io/Serializable");
        }
        return type2.getSort() == Type.OBJECT && relations.isSubtype(type2.getInternalName(), name);
    }

    @Override
    protected Class<?> getClass(Type type) {
        throw new UnsupportedOperationException("the weaver never loads classes: " + type);
    }
}
