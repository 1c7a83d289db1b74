package io.jasyncio.transformer;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Generates the frame class {@code Owner$m$Coroutine}: label, receiver, parameters and typed spill
 * fields, a constructor storing the arguments, {@code invokeBody()} calling the body method in the owner,
 * and {@code suspendedAt()} naming the await a frame is suspended at.
 */
final class FrameClassGenerator {
    private FrameClassGenerator() {
    }

    static byte[] generate(CoroutineShape s, int version, TypeRelations relations) {
        ClassWriter cw = new HierarchyClassWriter(relations);
        cw.visit(version, Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_SUPER, s.frameClass,
                null, Names.COROUTINE, null);
        if (s.ownerSource != null) {
            cw.visitSource(s.ownerSource, null);
        }
        cw.visitField(0, "label", "I", null, null).visitEnd();
        if (!s.isStatic) {
            cw.visitField(0, "self", "L" + s.owner + ";", null, null).visitEnd();
        }
        for (int i = 0; i < s.paramTypes.length; i++) {
            cw.visitField(0, s.paramFields[i], s.paramTypes[i].getDescriptor(), null, null).visitEnd();
        }
        for (int k = 0; k < SuspensionPlan.KINDS.length(); k++) {
            char kind = SuspensionPlan.KINDS.charAt(k);
            String desc = kind == 'L' ? Names.OBJECT_DESC : String.valueOf(kind);
            for (int n = 0; n < s.plan.fieldCounts[k]; n++) {
                cw.visitField(0, kind + "$" + n, desc, null, null).visitEnd();
            }
        }
        constructor(cw, s);
        invokeBody(cw, s);
        suspendedAt(cw, s);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void constructor(ClassWriter cw, CoroutineShape s) {
        MethodVisitor mv = cw.visitMethod(0, "<init>", s.constructorDesc(), null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, Names.COROUTINE, "<init>", "()V", false);
        int slot = 1;
        if (s.storesFieldsInStub()) {
            mv.visitInsn(Opcodes.RETURN);   // the stub stores the fields
            mv.visitMaxs(0, 0);
            mv.visitEnd();
            return;
        }
        if (!s.isStatic) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ALOAD, slot++);
            mv.visitFieldInsn(Opcodes.PUTFIELD, s.frameClass, "self", "L" + s.owner + ";");
        }
        for (int i = 0; i < s.paramTypes.length; i++) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(s.paramTypes[i].getOpcode(Opcodes.ILOAD), slot);
            mv.visitFieldInsn(Opcodes.PUTFIELD, s.frameClass, s.paramFields[i], s.paramTypes[i].getDescriptor());
            slot += s.paramTypes[i].getSize();
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void invokeBody(ClassWriter cw, CoroutineShape s) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PROTECTED, "invokeBody", "()" + Names.OBJECT_DESC, null, null);
        mv.visitCode();
        if (s.isStatic) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, s.owner, s.methodName, s.bodyDesc(), s.ownerIsInterface);
        } else {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, s.frameClass, "self", "L" + s.owner + ";");
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitMethodInsn(s.ownerIsInterface ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL, s.owner,
                    s.methodName, s.bodyDesc(), s.ownerIsInterface);
        }
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void suspendedAt(ClassWriter cw, CoroutineShape s) {
        String ste = "java/lang/StackTraceElement";
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "suspendedAt", "()L" + ste + ";", null, null);
        mv.visitCode();
        int n = s.plan.sites.size();
        Label none = new Label();
        if (n > 0) {
            Label[] cases = new Label[n];
            for (int i = 0; i < n; i++) {
                cases[i] = new Label();
            }
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, s.frameClass, "label", "I");
            mv.visitTableSwitchInsn(1, n, none, cases);
            for (int i = 0; i < n; i++) {
                mv.visitLabel(cases[i]);
                mv.visitTypeInsn(Opcodes.NEW, ste);
                mv.visitInsn(Opcodes.DUP);
                mv.visitLdcInsn(s.owner.replace('/', '.'));
                mv.visitLdcInsn(s.methodName);
                if (s.ownerSource != null) {
                    mv.visitLdcInsn(s.ownerSource);
                } else {
                    mv.visitInsn(Opcodes.ACONST_NULL);
                }
                mv.visitLdcInsn(s.plan.sites.get(i).line());
                mv.visitMethodInsn(Opcodes.INVOKESPECIAL, ste, "<init>",
                        "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;I)V", false);
                mv.visitInsn(Opcodes.ARETURN);
            }
        }
        mv.visitLabel(none);
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
