package io.jasyncio.transformer;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.BitSet;

/**
 * Backward liveness of local variable slots. An instruction inside a try range also keeps alive whatever
 * its handlers read, since a resumed await may throw into them; that is what decides what to spill.
 */
final class Liveness {
    private Liveness() {
    }

    /** The slots live on entry to each instruction, by instruction index. */
    static BitSet[] liveIn(MethodNode method, ControlFlow flow) {
        int n = method.instructions.size();
        BitSet[] in = new BitSet[n];
        int[] use = new int[n];
        int[] def = new int[n];
        for (int i = 0; i < n; i++) {
            in[i] = new BitSet();
            use[i] = -1;
            def[i] = -1;
            AbstractInsnNode insn = method.instructions.get(i);
            if (insn instanceof VarInsnNode v) {
                if (v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
                    def[i] = v.var;
                } else {
                    use[i] = v.var;
                }
            } else if (insn instanceof IincInsnNode inc) {
                use[i] = inc.var;
            }
        }
        boolean changed = true;
        BitSet scratch = new BitSet();
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                scratch.clear();
                for (int s : flow.successors[i]) {
                    scratch.or(in[s]);
                }
                if (def[i] >= 0) {
                    scratch.clear(def[i]);
                }
                if (use[i] >= 0) {
                    scratch.set(use[i]);
                }
                for (int h : flow.handlers[i]) {
                    scratch.or(in[h]);
                }
                if (!scratch.equals(in[i])) {
                    in[i].clear();
                    in[i].or(scratch);
                    changed = true;
                }
            }
        }
        return in;
    }
}
