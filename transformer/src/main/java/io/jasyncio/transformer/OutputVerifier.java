package io.jasyncio.transformer;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.util.CheckClassAdapter;

import java.util.List;
import java.util.Set;

/**
 * The verify pass: every class the weaver emits goes through ASM's {@link CheckClassAdapter} and the
 * woven methods through a type-checking {@link Analyzer}, so a class that would not verify is reported
 * instead of written.
 */
final class OutputVerifier {
    private OutputVerifier() {
    }

    /**
     * @param methods {@code name + desc} of the methods to type-check, or null for all of them
     */
    static void verify(byte[] classFile, Set<String> methods, TypeRelations relations, Places places,
                       List<Diagnostic> problems) {
        ClassNode node = new ClassNode();
        try {
            new ClassReader(classFile).accept(new CheckClassAdapter(node, false), 0);
        } catch (RuntimeException e) {
            problems.add(places.atClass("woven class " + new ClassReader(classFile).getClassName()
                    + " is malformed (" + e.getMessage() + ")" + missingNote(relations) + BUG));
            return;
        }
        for (MethodNode m : node.methods) {
            if (methods != null && !methods.contains(m.name + m.desc)) {
                continue;
            }
            try {
                new Analyzer<>(new HierarchyVerifier(relations, true)).analyze(node.name, m);
            } catch (AnalyzerException | RuntimeException e) {
                problems.add(places.at(m.name,
                        Places.lineOf(e instanceof AnalyzerException a && a.node != null ? a.node : m.instructions.getFirst()),
                        "woven code of " + node.name.replace('/', '.') + "." + m.name + " does not verify ("
                                + e.getMessage() + ")" + missingNote(relations) + BUG));
            }
        }
    }

    private static final String BUG = " — if every class it uses is on the weaving class path, this is a weaver"
            + " bug: please report it with the class file";

    private static String missingNote(TypeRelations relations) {
        return relations.missing().isEmpty() ? ""
                : "; classes not found on the weaving class path: " + String.join(", ", relations.missing());
    }
}
