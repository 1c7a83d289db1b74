package io.jasyncio.transformer;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weaver: one class file in, the rewritten class and its generated frame classes out. The Maven
 * plugin, the Java agent and the command-line weaver all call this, so their outputs are identical.
 *
 * <p>Pipeline per {@code @Async} method (docs/ABI.md, "How the weaver works"): find
 * ({@link AsyncMethodFinder}) → normalize ({@link ReturnNormalizer}, {@link AsyncCloseRewriter},
 * {@link ConstructorArgumentMover}) → analyze ({@link FrameAnalysis}) → plan ({@link SuspensionPlan}) →
 * generate ({@link BodyGenerator}, {@link FrameClassGenerator}) → verify ({@link OutputVerifier}).
 */
public final class Weaver {
    private static final byte[] JASYNCIO = "io/jasyncio/".getBytes(StandardCharsets.US_ASCII);

    private final ClassHierarchy hierarchy;

    public Weaver(ClassHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /**
     * Weaves one class. A class with no @Async method and no misuse comes back unchanged.
     *
     * @throws WeaveException naming file:line for every misuse, or the class for a corrupt class file
     */
    public WeaveResult weave(byte[] classFile) throws WeaveException {
        if (!mentionsJasyncio(classFile)) {
            return unchanged(classFile);   // the common case: no parsing at all
        }
        ClassNode owner = read(classFile);
        if (Names.hasAnnotation(owner.invisibleAnnotations, Names.WOVEN)) {
            return unchanged(classFile);
        }
        AsyncMethodFinder.Found found = AsyncMethodFinder.find(owner);
        if (!found.diagnostics().isEmpty()) {
            throw new WeaveException(found.diagnostics());
        }
        if (found.asyncMethods().isEmpty()) {
            return unchanged(classFile);
        }
        Places places = new Places(owner);
        Map<MethodNode, String> frameNames = frameNames(owner, found.asyncMethods());
        TypeRelations relations = new TypeRelations(overlay(owner, frameNames.values()));
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, byte[]> generated = new LinkedHashMap<>();
        Set<String> woven = new HashSet<>();
        List<MethodNode> methods = new ArrayList<>();
        for (MethodNode m : owner.methods) {
            methods.add(m);
            String frameClass = frameNames.get(m);
            if (frameClass == null) {
                continue;
            }
            int firstLine = Places.firstLine(m);   // before the method becomes the stub, which has no lines
            try {
                stripFrames(m);
                ReturnNormalizer.normalize(owner.name, m);
                AsyncCloseRewriter.rewrite(m, relations);
                ConstructorArgumentMover.move(owner.name, m);
                int frameSlot = m.maxLocals;
                FrameAnalysis analysis = FrameAnalysis.analyze(owner.name, m, relations);
                boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
                SuspensionPlan plan = SuspensionPlan.plan(m, analysis, frameSlot + 1, !isStatic,
                        t -> relations.accessibleFrom(t, owner.name));
                CoroutineShape shape = new CoroutineShape(owner, m, frameClass, frameSlot, plan);
                MethodNode body = BodyGenerator.generate(shape, m);
                methods.set(methods.size() - 1, withFrames(owner, m, relations));
                methods.add(withFrames(owner, body, relations));
                woven.add(m.name + m.desc);
                woven.add(body.name + body.desc);
                generated.put(frameClass, FrameClassGenerator.generate(shape, owner.version, relations));
            } catch (org.objectweb.asm.MethodTooLargeException e) {
                problems.add(places.at(m.name, firstLine, "cannot weave this @Async method: the woven code is "
                        + e.getCodeSize() + " bytes, over the JVM's 65535-byte limit (every await saves and restores"
                        + " the locals live across it) — split the method into smaller @Async methods"));
            } catch (AnalyzerException | RuntimeException e) {
                problems.add(places.at(m.name, firstLine, "cannot weave this @Async method: " + e));
            }
        }
        if (!problems.isEmpty()) {
            throw new WeaveException(problems);
        }
        owner.methods = methods;
        if (owner.invisibleAnnotations == null) {
            owner.invisibleAnnotations = new ArrayList<>();
        }
        owner.invisibleAnnotations.add(new AnnotationNode(Names.WOVEN));
        if (!relations.unresolved().isEmpty()) {
            throw new WeaveException(List.of(places.atClass("cannot compute stack map frames of the woven methods:"
                    + " classes not found on the weaving class path: " + String.join(", ", relations.unresolved())
                    + " — put them on the class path the weaver reads (the plugin's is the module's compile class"
                    + " path; the agent's is the class loader's)")));
        }
        byte[] bytes;
        try {
            ClassWriter cw = new ClassWriter(0);
            owner.accept(cw);
            bytes = cw.toByteArray();
        } catch (RuntimeException e) {
            throw new WeaveException(List.of(places.atClass("cannot write the woven class: " + e
                    + (relations.missing().isEmpty() ? "" : "; classes not found on the weaving class path: "
                    + String.join(", ", relations.missing())))));
        }
        OutputVerifier.verify(bytes, woven, relations, places, problems);
        for (byte[] frame : generated.values()) {
            OutputVerifier.verify(frame, null, relations, places, problems);
        }
        if (!problems.isEmpty()) {
            throw new WeaveException(problems);
        }
        return new WeaveResult(true, bytes, generated);
    }

    /** javac's frames describe the code before weaving; the woven method gets new ones. */
    private static void stripFrames(MethodNode m) {
        for (org.objectweb.asm.tree.AbstractInsnNode insn : m.instructions.toArray()) {
            if (insn instanceof org.objectweb.asm.tree.FrameNode) {
                m.instructions.remove(insn);
            }
        }
    }

    /**
     * The method with stack map frames (and max stack/locals) computed against the hierarchy, written
     * alone in a class of the owner's name, so the owner's other methods keep their original frames.
     */
    private static MethodNode withFrames(ClassNode owner, MethodNode m, TypeRelations relations) {
        ClassWriter cw = new HierarchyClassWriter(relations);
        cw.visit(owner.version, owner.access, owner.name, null, owner.superName, owner.interfaces.toArray(new String[0]));
        m.accept(cw);
        cw.visitEnd();
        ClassNode one = new ClassNode();
        new ClassReader(cw.toByteArray()).accept(one, 0);
        return one.methods.get(0);
    }

    private static WeaveResult unchanged(byte[] classFile) {
        return new WeaveResult(false, classFile, Map.of());
    }

    /** Whether any constant (class, method or string) names something in {@code io/jasyncio/}. */
    static boolean mentionsJasyncio(byte[] classFile) {
        outer:
        for (int i = 0, last = classFile.length - JASYNCIO.length; i <= last; i++) {
            for (int j = 0; j < JASYNCIO.length; j++) {
                if (classFile[i + j] != JASYNCIO[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static ClassNode read(byte[] classFile) throws WeaveException {
        String name = "<unreadable class file>";
        try {
            name = nameOf(classFile);
            ClassReader reader = new ClassReader(classFile);
            ClassNode node = new ClassNode();
            reader.accept(node, 0);   // untouched methods keep javac's frames
            return node;
        } catch (RuntimeException e) {
            String what = e instanceof IllegalArgumentException && e.getMessage() != null
                    && e.getMessage().startsWith("Unsupported class file major version")
                    ? e.getMessage() + " (newer than this weaver's ASM understands)"
                    : "corrupt or truncated class file (" + e + ")";
            throw new WeaveException(new Diagnostic(name.replace('/', '.'), null, name + ".class", -1,
                    "cannot read class: " + what), e);
        }
    }

    /** The class name even from a class file too new for ASM (its header is read as if it were Java 8's). */
    private static String nameOf(byte[] classFile) {
        try {
            byte[] header = classFile.clone();
            header[6] = 0;
            header[7] = (byte) Opcodes.V1_8;
            return new ClassReader(header).getClassName();
        } catch (RuntimeException e) {
            return "<unreadable class file>";
        }
    }

    /** {@code Owner$m$Coroutine}, overloads numbered {@code Coroutine2, 3...} in declaration order. */
    private static Map<MethodNode, String> frameNames(ClassNode owner, List<MethodNode> async) {
        Map<MethodNode, String> names = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (MethodNode m : async) {
            int n = seen.merge(m.name, 1, Integer::sum);
            names.put(m, owner.name + "$" + m.name + Names.FRAME_SUFFIX + (n > 1 ? Integer.toString(n) : ""));
        }
        return names;
    }

    /** The build's hierarchy plus the class being woven and its frames, which may not be on it yet. */
    private ClassHierarchy overlay(ClassNode owner, Iterable<String> frames) {
        Map<String, ClassHierarchy.ClassInfo> local = new HashMap<>();
        local.put(owner.name, new ClassHierarchy.ClassInfo(owner.name, owner.superName,
                owner.interfaces.toArray(new String[0]), (owner.access & Opcodes.ACC_INTERFACE) != 0, owner.access,
                owner.methods.stream().anyMatch(m -> m.name.equals("close") && m.desc.equals("()V")
                        && (m.access & Opcodes.ACC_STATIC) == 0)));
        for (String f : frames) {
            local.put(f, new ClassHierarchy.ClassInfo(f, Names.COROUTINE, new String[0], false,
                    Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_SUPER, false));
        }
        return name -> {
            ClassHierarchy.ClassInfo info = local.get(name);
            return info != null ? info : hierarchy.find(name);
        };
    }
}
