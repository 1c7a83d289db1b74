package io.jasyncio.transformer;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The control-flow graph of a method by instruction index: normal successors, and the exception handlers
 * an instruction can reach (in table order, stopping after the first catch-all, which takes everything).
 */
final class ControlFlow {
    final int[][] successors;
    final int[][] handlers;

    private ControlFlow(int[][] successors, int[][] handlers) {
        this.successors = successors;
        this.handlers = handlers;
    }

    static ControlFlow of(MethodNode method) {
        InsnList insns = method.instructions;
        int n = insns.size();
        int[][] succ = new int[n][];
        for (int i = 0; i < n; i++) {
            AbstractInsnNode insn = insns.get(i);
            List<Integer> s = new ArrayList<>(2);
            int op = insn.getOpcode();
            if (insn instanceof JumpInsnNode j) {
                s.add(insns.indexOf(j.label));
                if (op != Opcodes.GOTO && op != Opcodes.JSR) {
                    addNext(s, i, n);
                }
            } else if (insn instanceof TableSwitchInsnNode t) {
                s.add(insns.indexOf(t.dflt));
                addLabels(s, insns, t.labels);
            } else if (insn instanceof LookupSwitchInsnNode l) {
                s.add(insns.indexOf(l.dflt));
                addLabels(s, insns, l.labels);
            } else if (!(op >= Opcodes.IRETURN && op <= Opcodes.RETURN || op == Opcodes.ATHROW || op == Opcodes.RET)) {
                addNext(s, i, n);
            }
            succ[i] = s.stream().mapToInt(Integer::intValue).toArray();
        }
        List<List<Integer>> h = new ArrayList<>(n);
        boolean[] closed = new boolean[n];
        for (int i = 0; i < n; i++) {
            h.add(new ArrayList<>(1));
        }
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int start = insns.indexOf(tcb.start);
            int end = insns.indexOf(tcb.end);
            int handler = insns.indexOf(tcb.handler);
            for (int i = start; i < end; i++) {
                if (!closed[i]) {
                    h.get(i).add(handler);
                    closed[i] = tcb.type == null;
                }
            }
        }
        int[][] hs = new int[n][];
        for (int i = 0; i < n; i++) {
            hs[i] = h.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return new ControlFlow(succ, hs);
    }

    private static void addNext(List<Integer> s, int i, int n) {
        if (i + 1 < n) {
            s.add(i + 1);
        }
    }

    private static void addLabels(List<Integer> s, InsnList insns, List<LabelNode> labels) {
        for (LabelNode l : labels) {
            s.add(insns.indexOf(l));
        }
    }
}
