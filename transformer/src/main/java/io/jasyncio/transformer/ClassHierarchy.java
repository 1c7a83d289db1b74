package io.jasyncio.transformer;

/**
 * Answers the questions frame computation asks about classes (super class, interfaces, is-interface)
 * by reading class files, never by loading or initialising user classes.
 */
public interface ClassHierarchy {
    /** What the weaver needs to know of one class. */
    record ClassInfo(String name, String superName, String[] interfaces, boolean isInterface) {
        /** Reads the header of a class file; throws IllegalArgumentException when it is not one. */
        public static ClassInfo fromClassFile(byte[] classFile) {
            org.objectweb.asm.ClassReader reader = new org.objectweb.asm.ClassReader(classFile);
            return new ClassInfo(reader.getClassName(), reader.getSuperName(), reader.getInterfaces(),
                    (reader.getAccess() & org.objectweb.asm.Opcodes.ACC_INTERFACE) != 0);
        }
    }

    /** The class by internal name ({@code a/b/Foo}), or null when it cannot be found. */
    ClassInfo find(String internalName);
}
