package io.jasyncio.transformer;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/** Makes diagnostics for one class, naming file and line from its SourceFile and LineNumberTable. */
final class Places {
    private final String className;
    private final String sourcePath;

    Places(ClassNode owner) {
        this.className = owner.name.replace('/', '.');
        this.sourcePath = Names.sourcePath(owner.name, owner.sourceFile);
    }

    Diagnostic at(MethodNode method, AbstractInsnNode insn, String message) {
        return new Diagnostic(className, method.name, sourcePath, lineOf(insn), message);
    }

    Diagnostic at(MethodNode method, String message) {
        return new Diagnostic(className, method.name, sourcePath, firstLine(method), message);
    }

    Diagnostic at(String method, int line, String message) {
        return new Diagnostic(className, method, sourcePath, line, message);
    }

    Diagnostic atClass(String message) {
        return new Diagnostic(className, null, sourcePath, -1, message);
    }

    /** The line of the nearest line-number entry before the instruction, or -1. */
    static int lineOf(AbstractInsnNode insn) {
        for (AbstractInsnNode p = insn; p != null; p = p.getPrevious()) {
            if (p instanceof LineNumberNode l) {
                return l.line;
            }
        }
        return -1;
    }

    static int firstLine(MethodNode method) {
        for (AbstractInsnNode p = method.instructions.getFirst(); p != null; p = p.getNext()) {
            if (p instanceof LineNumberNode l) {
                return l.line;
            }
        }
        return -1;
    }
}
