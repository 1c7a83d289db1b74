package io.jasyncio.transformer;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;

/**
 * Answers the questions frame computation asks about classes (super class, interfaces, is-interface,
 * access, whether the class declares {@code close()V}) by reading class files, never by loading or
 * initialising user classes.
 */
public interface ClassHierarchy {
    /**
     * What the weaver needs to know of one class.
     *
     * @param access        the class file's {@code access_flags} (the JVM's access check reads these, not
     *                      the InnerClasses attribute)
     * @param declaresClose whether the class declares a method {@code close()V} (abstract or not); the
     *                      "async with" rewrite needs it to know which {@code close()} a call resolves to
     */
    record ClassInfo(String name, String superName, String[] interfaces, boolean isInterface, int access,
                     boolean declaresClose) {
        /**
         * The header-only form kept for hierarchies written before access and methods were known: reads
         * the class file through the system class loader when it can (the JDK and the application class
         * path), and otherwise assumes a public class declaring {@code close()V} — the choice under which
         * the weaver emits what it did before (no access-driven cast widening, no extra close rewrite).
         */
        public ClassInfo(String name, String superName, String[] interfaces, boolean isInterface) {
            this(name, superName, interfaces, isInterface, systemAccess(name), systemDeclaresClose(name));
        }

        /** Reads a class file; throws IllegalArgumentException when it is not one. */
        public static ClassInfo fromClassFile(byte[] classFile) {
            ClassReader reader = new ClassReader(classFile);
            boolean[] close = new boolean[1];
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    if (name.equals("close") && descriptor.equals("()V") && (access & Opcodes.ACC_STATIC) == 0) {
                        close[0] = true;
                    }
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return new ClassInfo(reader.getClassName(), reader.getSuperName(), reader.getInterfaces(),
                    (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0, reader.getAccess(), close[0]);
        }

        private static ClassInfo fromSystemLoader(String name) {
            if (name == null || name.isEmpty()) {
                return null;
            }
            try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
                ClassInfo info = in == null ? null : fromClassFile(in.readAllBytes());
                return info != null && info.name().equals(name) ? info : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static int systemAccess(String name) {
            ClassInfo info = fromSystemLoader(name);
            return info != null ? info.access() : Opcodes.ACC_PUBLIC;
        }

        private static boolean systemDeclaresClose(String name) {
            ClassInfo info = fromSystemLoader(name);
            return info == null || info.declaresClose();
        }
    }

    /** The class by internal name ({@code a/b/Foo}), or null when it cannot be found. */
    ClassInfo find(String internalName);
}
