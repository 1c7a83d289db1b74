package io.jasyncio.transformer;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The plan pass: for each await site, which locals and operand-stack entries must survive a suspension
 * and which typed spill field holds each. Field counts per kind are the maximum over the sites, so the
 * frame carries exactly as many {@code I$n, J$n, F$n, D$n, L$n} fields as the busiest site needs.
 */
final class SuspensionPlan {
    /** Spill field kinds, in field declaration order. */
    static final String KINDS = "IJFDL";

    /**
     * One saved value. {@code field} is -1 for a null constant (re-pushed, not stored); {@code slot} is the
     * local it lives in while suspending (a fresh temporary for stack entries).
     */
    record Spill(char kind, int field, Type type, int slot) {
        boolean isNull() {
            return field < 0;
        }

        String fieldName() {
            return kind + "$" + field;
        }

        Type fieldType() {
            return switch (kind) {
                case 'I' -> Type.INT_TYPE;
                case 'J' -> Type.LONG_TYPE;
                case 'F' -> Type.FLOAT_TYPE;
                case 'D' -> Type.DOUBLE_TYPE;
                default -> Type.getType(Names.OBJECT_DESC);
            };
        }

        /** The type the value is restored as ({@code int} for every int-like value). */
        Type valueType() {
            return kind == 'L' ? type : fieldType();
        }
    }

    /** Await site {@code label} (1-based, in instruction order). Stack entries are listed bottom first. */
    record Site(int label, AbstractInsnNode await, List<Spill> locals, List<Spill> stack, int line) {
    }

    final List<Site> sites;
    final int[] fieldCounts = new int[KINDS.length()];

    private SuspensionPlan(List<Site> sites) {
        this.sites = sites;
        for (Site s : sites) {
            int[] used = new int[KINDS.length()];
            for (Spill sp : s.locals) {
                count(used, sp);
            }
            for (Spill sp : s.stack) {
                count(used, sp);
            }
            for (int k = 0; k < used.length; k++) {
                fieldCounts[k] = Math.max(fieldCounts[k], used[k]);
            }
        }
    }

    private static void count(int[] used, Spill sp) {
        if (!sp.isNull()) {
            int k = KINDS.indexOf(sp.kind);
            used[k] = Math.max(used[k], sp.field + 1);
        }
    }

    /**
     * @param firstTemp the first local slot free for stack temporaries
     * @param receiverSlot0 whether slot 0 is the receiver, which never needs saving
     */
    static SuspensionPlan plan(MethodNode method, FrameAnalysis analysis, int firstTemp, boolean receiverSlot0) {
        return plan(method, analysis, firstTemp, receiverSlot0, t -> t);
    }

    /**
     * @param castable maps an analysed reference type to the type restore code may {@code checkcast} to
     *                 (the analyser's merged type may be inaccessible from the owner, e.g.
     *                 {@code java/lang/AbstractStringBuilder}; see {@link TypeRelations#accessibleFrom})
     */
    static SuspensionPlan plan(MethodNode method, FrameAnalysis analysis, int firstTemp, boolean receiverSlot0,
                               java.util.function.UnaryOperator<Type> castable) {
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < method.instructions.size(); i++) {
            AbstractInsnNode insn = method.instructions.get(i);
            Frame<BasicValue> f = analysis.frames[i];
            if (!Names.isAwait(insn) || f == null) {
                continue;
            }
            int[] next = new int[KINDS.length()];
            List<Spill> locals = new ArrayList<>();
            BitSet live = analysis.liveIn[i];
            for (int slot = live.nextSetBit(receiverSlot0 ? 1 : 0); slot >= 0 && slot < f.getLocals();
                 slot = live.nextSetBit(slot + 1)) {
                Spill s = spill(f.getLocal(slot), slot, next, castable);
                if (s != null) {
                    locals.add(s);
                }
            }
            List<Spill> stack = new ArrayList<>();
            int temp = firstTemp;
            for (int d = 0; d < f.getStackSize() - 1; d++) {
                BasicValue v = f.getStack(d);
                Spill s = spill(v, temp, next, castable);
                if (s == null) {
                    throw new IllegalStateException("operand stack entry " + d + " has no type at an await");
                }
                stack.add(s);
                temp += v.getSize();
            }
            sites.add(new Site(sites.size() + 1, insn, locals, stack, Places.lineOf(insn)));
        }
        return new SuspensionPlan(sites);
    }

    private static Spill spill(BasicValue v, int slot, int[] next, java.util.function.UnaryOperator<Type> castable) {
        Type t = v == null ? null : v.getType();
        if (t == null || v == BasicValue.UNINITIALIZED_VALUE || v == BasicValue.RETURNADDRESS_VALUE) {
            return null;
        }
        if (t.equals(BasicInterpreter.NULL_TYPE)) {
            return new Spill('L', -1, t, slot);
        }
        char kind = switch (t.getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> 'I';
            case Type.LONG -> 'J';
            case Type.FLOAT -> 'F';
            case Type.DOUBLE -> 'D';
            default -> 'L';
        };
        int k = KINDS.indexOf(kind);
        return new Spill(kind, next[k]++, kind == 'L' ? castable.apply(t) : t, slot);
    }

    static int loadOpcode(Spill s) {
        return s.valueType().getOpcode(Opcodes.ILOAD);
    }

    static int storeOpcode(Spill s) {
        return s.valueType().getOpcode(Opcodes.ISTORE);
    }
}
