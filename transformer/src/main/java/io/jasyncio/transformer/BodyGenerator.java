package io.jasyncio.transformer;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates the owner's side of a coroutine: the body method (entry switch, restore blocks, the user's
 * code with every await site turned into a suspension point) and the original method reduced to
 * {@code return new Frame(this?, args...)}.
 */
final class BodyGenerator {
    private BodyGenerator() {
    }

    /** Moves the user's code of {@code method} into a new body method and turns {@code method} into the stub. */
    static MethodNode generate(CoroutineShape s, MethodNode method) {
        List<SuspensionPlan.Site> sites = s.plan.sites;
        LabelNode[] resume = new LabelNode[sites.size() + 1];
        for (SuspensionPlan.Site site : sites) {
            resume[site.label()] = new LabelNode();
            InsnList seq = suspensionPoint(s, site, resume[site.label()]);
            method.instructions.insert(site.await(), seq);
            method.instructions.remove(site.await());
        }
        InsnList body = entry(s, resume);
        body.add(method.instructions);

        int access = Opcodes.ACC_SYNTHETIC | (s.isStatic ? Opcodes.ACC_STATIC : 0)
                | (s.ownerIsInterface ? Opcodes.ACC_PUBLIC : 0);
        MethodNode bodyMethod = new MethodNode(Opcodes.ASM9, access, s.methodName, s.bodyDesc(), null, null);
        bodyMethod.instructions = body;
        bodyMethod.tryCatchBlocks = method.tryCatchBlocks;
        bodyMethod.localVariables = method.localVariables;
        bodyMethod.visibleLocalVariableAnnotations = method.visibleLocalVariableAnnotations;
        bodyMethod.invisibleLocalVariableAnnotations = method.invisibleLocalVariableAnnotations;
        bodyMethod.maxLocals = method.maxLocals;
        bodyMethod.maxStack = method.maxStack;

        makeStub(s, method);
        return bodyMethod;
    }

    /** await → awaitStart; on SUSPENDED save what is live and return; RESUME reads the delivered value. */
    private static InsnList suspensionPoint(CoroutineShape s, SuspensionPlan.Site site, LabelNode resume) {
        InsnList out = new InsnList();
        LabelNode ready = new LabelNode();
        out.add(new VarInsnNode(Opcodes.ALOAD, s.frameSlot));
        out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.COROUTINE, Names.AWAIT_START, Names.AWAIT_START_DESC, false));
        out.add(new InsnNode(Opcodes.DUP));
        out.add(suspendedMarker());
        out.add(new JumpInsnNode(Opcodes.IF_ACMPNE, ready));
        out.add(new InsnNode(Opcodes.POP));
        List<SuspensionPlan.Spill> stack = site.stack();
        for (int i = stack.size() - 1; i >= 0; i--) {
            SuspensionPlan.Spill sp = stack.get(i);
            out.add(sp.isNull() ? new InsnNode(Opcodes.POP) : new VarInsnNode(SuspensionPlan.storeOpcode(sp), sp.slot()));
        }
        for (SuspensionPlan.Spill sp : site.locals()) {
            save(s, sp, out);
        }
        for (SuspensionPlan.Spill sp : stack) {
            save(s, sp, out);
        }
        out.add(new VarInsnNode(Opcodes.ALOAD, s.frameSlot));
        out.add(pushInt(site.label()));
        out.add(new FieldInsnNode(Opcodes.PUTFIELD, s.frameClass, "label", "I"));
        out.add(suspendedMarker());
        out.add(new InsnNode(Opcodes.ARETURN));
        out.add(resume);
        out.add(new VarInsnNode(Opcodes.ALOAD, s.frameSlot));
        out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.COROUTINE, Names.RESUME_VALUE, Names.RESUME_VALUE_DESC, false));
        out.add(ready);
        return out;
    }

    private static void save(CoroutineShape s, SuspensionPlan.Spill sp, InsnList out) {
        if (sp.isNull()) {
            return;
        }
        out.add(new VarInsnNode(Opcodes.ALOAD, s.frameSlot));
        out.add(new VarInsnNode(SuspensionPlan.loadOpcode(sp), sp.slot()));
        out.add(new FieldInsnNode(Opcodes.PUTFIELD, s.frameClass, sp.fieldName(), sp.fieldType().getDescriptor()));
    }

    /** Pushes a saved value back, typed as analysed, and clears a reference field so it retains nothing. */
    private static void reload(CoroutineShape s, SuspensionPlan.Spill sp, InsnList out) {
        if (sp.isNull()) {
            out.add(new InsnNode(Opcodes.ACONST_NULL));
            return;
        }
        out.add(new VarInsnNode(Opcodes.ALOAD, s.frameSlot));
        out.add(new FieldInsnNode(Opcodes.GETFIELD, s.frameClass, sp.fieldName(), sp.fieldType().getDescriptor()));
        if (sp.kind() == 'L') {
            if (!sp.type().getDescriptor().equals(Names.OBJECT_DESC)) {
                out.add(new TypeInsnNode(Opcodes.CHECKCAST, sp.type().getInternalName()));
            }
            out.add(new VarInsnNode(Opcodes.ALOAD, s.frameSlot));
            out.add(new InsnNode(Opcodes.ACONST_NULL));
            out.add(new FieldInsnNode(Opcodes.PUTFIELD, s.frameClass, sp.fieldName(), Names.OBJECT_DESC));
        }
    }

    /** The frame to its own slot, then the switch on the label: 0 starts, k restores site k. */
    private static InsnList entry(CoroutineShape s, LabelNode[] resume) {
        InsnList out = new InsnList();
        int n = s.plan.sites.size();
        out.add(new VarInsnNode(Opcodes.ALOAD, s.isStatic ? 0 : 1));
        out.add(new VarInsnNode(Opcodes.ASTORE, s.frameSlot));
        LabelNode start = new LabelNode();
        LabelNode bad = new LabelNode();
        LabelNode[] cases = new LabelNode[n + 1];
        cases[0] = start;
        for (int k = 1; k <= n; k++) {
            cases[k] = new LabelNode();
        }
        out.add(new VarInsnNode(Opcodes.ALOAD, s.frameSlot));
        out.add(new FieldInsnNode(Opcodes.GETFIELD, s.frameClass, "label", "I"));
        out.add(new TableSwitchInsnNode(0, n, bad, cases));
        out.add(bad);
        out.add(new TypeInsnNode(Opcodes.NEW, "java/lang/IllegalStateException"));
        out.add(new InsnNode(Opcodes.DUP));
        out.add(new LdcInsnNode("corrupt coroutine frame " + s.frameClass.replace('/', '.') + ": unknown resume label"));
        out.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>",
                "(Ljava/lang/String;)V", false));
        out.add(new InsnNode(Opcodes.ATHROW));
        for (SuspensionPlan.Site site : s.plan.sites) {
            out.add(cases[site.label()]);
            for (SuspensionPlan.Spill sp : site.locals()) {
                reload(s, sp, out);
                out.add(new VarInsnNode(sp.isNull() ? Opcodes.ASTORE : SuspensionPlan.storeOpcode(sp), sp.slot()));
            }
            for (SuspensionPlan.Spill sp : site.stack()) {
                reload(s, sp, out);
            }
            out.add(new JumpInsnNode(Opcodes.GOTO, resume[site.label()]));
        }
        out.add(start);
        for (int i = 0; i < s.paramTypes.length; i++) {
            Type t = s.paramTypes[i];
            out.add(new VarInsnNode(Opcodes.ALOAD, s.frameSlot));
            out.add(new FieldInsnNode(Opcodes.GETFIELD, s.frameClass, s.paramFields[i], t.getDescriptor()));
            out.add(new VarInsnNode(t.getOpcode(Opcodes.ISTORE), s.paramSlots[i]));
            if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
                out.add(new VarInsnNode(Opcodes.ALOAD, s.frameSlot));
                out.add(new InsnNode(Opcodes.ACONST_NULL));
                out.add(new FieldInsnNode(Opcodes.PUTFIELD, s.frameClass, s.paramFields[i], t.getDescriptor()));
            }
        }
        return out;
    }

    private static org.objectweb.asm.tree.AbstractInsnNode pushInt(int v) {
        if (v <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + v);
        }
        return v <= Short.MAX_VALUE ? new org.objectweb.asm.tree.IntInsnNode(v <= Byte.MAX_VALUE ? Opcodes.BIPUSH
                : Opcodes.SIPUSH, v) : new LdcInsnNode(v);
    }

    private static FieldInsnNode suspendedMarker() {
        return new FieldInsnNode(Opcodes.GETSTATIC, Names.COROUTINE, Names.SUSPENDED, Names.OBJECT_DESC);
    }

    /** The original method: allocate the frame with the receiver and arguments, start nothing. */
    private static void makeStub(CoroutineShape s, MethodNode method) {
        InsnList out = new InsnList();
        LabelNode begin = new LabelNode();
        LabelNode end = new LabelNode();
        out.add(begin);
        out.add(new TypeInsnNode(Opcodes.NEW, s.frameClass));
        out.add(new InsnNode(Opcodes.DUP));
        List<LocalVariableNode> locals = new ArrayList<>();
        boolean byFields = s.storesFieldsInStub();
        if (byFields) {
            out.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, s.frameClass, "<init>", s.constructorDesc(), false));
        }
        if (!s.isStatic) {
            if (byFields) {
                out.add(new InsnNode(Opcodes.DUP));
            }
            out.add(new VarInsnNode(Opcodes.ALOAD, 0));
            if (byFields) {
                out.add(new FieldInsnNode(Opcodes.PUTFIELD, s.frameClass, "self", "L" + s.owner + ";"));
            }
            locals.add(new LocalVariableNode("this", "L" + s.owner + ";", null, begin, end, 0));
        }
        for (int i = 0; i < s.paramTypes.length; i++) {
            if (byFields) {
                out.add(new InsnNode(Opcodes.DUP));
            }
            out.add(new VarInsnNode(s.paramTypes[i].getOpcode(Opcodes.ILOAD), s.paramSlots[i]));
            if (byFields) {
                out.add(new FieldInsnNode(Opcodes.PUTFIELD, s.frameClass, s.paramFields[i],
                        s.paramTypes[i].getDescriptor()));
            }
            locals.add(new LocalVariableNode(s.paramFields[i].substring(2), s.paramTypes[i].getDescriptor(), null,
                    begin, end, s.paramSlots[i]));
        }
        if (!byFields) {
            out.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, s.frameClass, "<init>", s.constructorDesc(), false));
        }
        out.add(new InsnNode(Opcodes.ARETURN));
        out.add(end);
        method.instructions = out;
        method.tryCatchBlocks = new ArrayList<>();
        method.localVariables = locals;
        method.visibleLocalVariableAnnotations = null;
        method.invisibleLocalVariableAnnotations = null;
    }
}
