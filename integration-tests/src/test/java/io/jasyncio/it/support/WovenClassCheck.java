package io.jasyncio.it.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/** Verifies a woven class twice: ASM's data-flow verifier, then the JVM's own verifier by linking it. */
public final class WovenClassCheck {
    private WovenClassCheck() {
    }

    /**
     * ASM's {@link CheckClassAdapter#verify} with types resolved through {@code loader}.
     *
     * @return the verifier's complaints, empty when the class is well-formed
     */
    public static String asmProblems(byte[] classFile, ClassLoader loader) {
        StringWriter text = new StringWriter();
        try {
            CheckClassAdapter.verify(new ClassReader(classFile), loader, false, new PrintWriter(text));
        } catch (RuntimeException | LinkageError e) {   // the verifier loads classes: a bad one fails to load
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return "CheckClassAdapter failed: " + trace;
        }
        return text.toString().trim();
    }

    /**
     * Loads and links the class under the JVM verifier (initialisation forces linking and so
     * verification of every method) and resolves its declared methods' signatures.
     */
    public static Class<?> link(String binaryName, ClassLoader loader) throws ClassNotFoundException {
        Class<?> c = Class.forName(binaryName, true, loader);
        for (Method m : c.getDeclaredMethods()) {
            m.getGenericReturnType();
        }
        return c;
    }
}
