package io.jasyncio.transformer.agent;

import io.jasyncio.transformer.ClassLoaderHierarchy;
import io.jasyncio.transformer.Diagnostic;
import io.jasyncio.transformer.WeaveException;
import io.jasyncio.transformer.WeaveResult;
import io.jasyncio.transformer.Weaver;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Load-time weaving ({@code -javaagent:jasyncio-transformer.jar}): classes that mention
 * {@code io/jasyncio/Async} are woven as they load, with the same {@link Weaver} as the build, and their
 * frame classes are defined in the owner's loader and package before the owner can run.
 */
public final class WeavingAgent implements ClassFileTransformer {
    private static final byte[] MARKER = "io/jasyncio/Async".getBytes(StandardCharsets.US_ASCII);

    private final Method defineClass;
    /** One weaver (and its hierarchy cache) per defining loader; the hierarchy holds the loader weakly. */
    private final Map<ClassLoader, Weaver> weavers = Collections.synchronizedMap(new WeakHashMap<>());

    private WeavingAgent(Method defineClass) {
        this.defineClass = defineClass;
    }

    public static void premain(String args, Instrumentation inst) {
        install(inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        install(inst);
    }

    static void install(Instrumentation inst) {
        // ClassLoader.defineClass is how a frame joins its owner's loader and package; java.lang is opened
        // to this agent alone, so users need no --add-opens.
        Module agentModule = WeavingAgent.class.getModule();
        inst.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
                Map.of("java.lang", Set.of(agentModule)), Set.of(), Map.of());
        Method define;
        try {
            define = ClassLoader.class.getDeclaredMethod("defineClass", String.class, byte[].class, int.class,
                    int.class, ProtectionDomain.class);
            define.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("jasyncio agent: cannot define frame classes, weaving disabled: " + e);
            return;
        }
        inst.addTransformer(new WeavingAgent(define), false);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                            byte[] classFile) {
        if (redefined != null || className == null || loader == null || !isUserClass(className)
                || !contains(classFile, MARKER)) {
            return null;
        }
        WeaveResult result;
        try {
            result = weavers.computeIfAbsent(loader, l -> new Weaver(new ClassLoaderHierarchy(l))).weave(classFile);
        } catch (WeaveException e) {
            // Left un-woven, the class fails loudly at its first await with a message saying how to weave.
            for (Diagnostic d : e.diagnostics()) {
                System.err.println("jasyncio agent: " + d);
            }
            return null;
        } catch (RuntimeException | LinkageError e) {
            System.err.println("jasyncio agent: cannot weave " + className.replace('/', '.') + ": " + e);
            return null;
        }
        if (!result.changed()) {
            return null;
        }
        for (Map.Entry<String, byte[]> frame : result.generatedClasses().entrySet()) {
            if (!define(loader, frame.getKey(), frame.getValue(), domain)) {
                // Without its frames the woven owner could not run: leave it un-woven, so it fails
                // loudly at its first await with a message saying how to weave.
                return null;
            }
        }
        return result.bytes();
    }

    /** Defines a frame class in the owner's loader; false (after saying why on stderr) if it cannot be. */
    private boolean define(ClassLoader loader, String name, byte[] bytes, ProtectionDomain domain) {
        String binaryName = name.replace('/', '.');
        try {
            defineClass.invoke(loader, binaryName, bytes, 0, bytes.length, domain);
            return true;
        } catch (java.lang.reflect.InvocationTargetException e) {
            // Another thread loading the same owner in a parallel-capable loader may have won the race:
            // then the frame is already there, and that is fine. Any other failure is reported.
            if (e.getCause() instanceof LinkageError && isDefined(loader, binaryName)) {
                return true;
            }
            System.err.println("jasyncio agent: cannot define " + binaryName + ": " + e.getCause());
            return false;
        } catch (IllegalAccessException e) {
            System.err.println("jasyncio agent: cannot define " + binaryName + ": " + e);
            return false;
        }
    }

    private static boolean isDefined(ClassLoader loader, String binaryName) {
        try {
            Class.forName(binaryName, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Never the JDK's classes nor this agent's own (ASM included). */
    private static boolean isUserClass(String name) {
        return !(name.startsWith("java/") || name.startsWith("javax/") || name.startsWith("jdk/")
                || name.startsWith("sun/") || name.startsWith("com/sun/")
                || name.startsWith("io/jasyncio/transformer/"));
    }

    private static boolean contains(byte[] bytes, byte[] what) {
        outer:
        for (int i = 0, last = bytes.length - what.length; i <= last; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
