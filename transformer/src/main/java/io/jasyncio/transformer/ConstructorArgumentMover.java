package io.jasyncio.transformer;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code new Foo(a, await(x))} leaves an uninitialised object on the operand stack across the await,
 * which no field can hold. This pass moves {@code NEW; DUP} after the arguments: they go to fresh locals,
 * then {@code NEW; DUP}, reload, {@code INVOKESPECIAL}. Only constructions spanning an await are moved.
 */
final class ConstructorArgumentMover {
    private ConstructorArgumentMover() {
    }

    static void move(String owner, MethodNode method) throws AnalyzerException {
        InsnList insns = method.instructions;
        Frame<BasicValue>[] frames = new Analyzer<>(new BasicInterpreter()).analyze(owner, method);
        record Construction(TypeInsnNode nu, AbstractInsnNode dup, MethodInsnNode init) {
        }
        List<Construction> moves = new ArrayList<>();
        for (int i = 0; i < insns.size(); i++) {
            AbstractInsnNode insn = insns.get(i);
            if (insn.getOpcode() != Opcodes.NEW || frames[i] == null) {
                continue;
            }
            AbstractInsnNode dup = insn.getNext();
            while (dup != null && dup.getOpcode() < 0) {
                dup = dup.getNext();
            }
            if (dup == null || dup.getOpcode() != Opcodes.DUP) {
                continue;
            }
            int height = frames[i].getStackSize();
            boolean awaits = false;
            for (int j = i + 1; j < insns.size(); j++) {
                AbstractInsnNode at = insns.get(j);
                awaits |= Names.isAwait(at);
                if (at instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESPECIAL
                        && call.name.equals("<init>") && call.owner.equals(((TypeInsnNode) insn).desc)
                        && frames[j] != null
                        && frames[j].getStackSize() == height + 2 + Type.getArgumentTypes(call.desc).length) {
                    if (awaits) {
                        moves.add(new Construction((TypeInsnNode) insn, dup, call));
                    }
                    break;
                }
            }
        }
        for (Construction c : moves) {
            Type[] args = Type.getArgumentTypes(c.init.desc);
            int[] slots = new int[args.length];
            InsnList before = new InsnList();
            for (int a = 0; a < args.length; a++) {
                slots[a] = method.maxLocals;
                method.maxLocals += args[a].getSize();
            }
            for (int a = args.length - 1; a >= 0; a--) {
                before.add(new VarInsnNode(args[a].getOpcode(Opcodes.ISTORE), slots[a]));
            }
            before.add(new TypeInsnNode(Opcodes.NEW, c.nu.desc));
            before.add(new InsnNode(Opcodes.DUP));
            for (int a = 0; a < args.length; a++) {
                before.add(new VarInsnNode(args[a].getOpcode(Opcodes.ILOAD), slots[a]));
            }
            insns.insertBefore(c.init, before);
            insns.remove(c.nu);
            insns.remove(c.dup);
        }
    }
}
