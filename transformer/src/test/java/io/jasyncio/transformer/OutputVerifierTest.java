package io.jasyncio.transformer;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verify pass refuses what the JVM would refuse, naming class and method. */
class OutputVerifierTest {
    private static byte[] classWith(boolean broken) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "p/Made", null, "java/lang/Object", null);
        cw.visitSource("Made.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "m", "()Ljava/lang/String;", null, null);
        mv.visitCode();
        if (broken) {
            mv.visitInsn(Opcodes.ICONST_1);   // an int returned as a String
        } else {
            mv.visitLdcInsn("ok");
        }
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static List<Diagnostic> verify(byte[] bytes) {
        ClassNode owner = new ClassNode();
        owner.name = "p/Made";
        owner.sourceFile = "Made.java";
        List<Diagnostic> problems = new ArrayList<>();
        OutputVerifier.verify(bytes, null, new TypeRelations(name -> null), new Places(owner), problems);
        return problems;
    }

    @Test
    void acceptsValidCode() {
        assertEquals(List.of(), verify(classWith(false)));
    }

    @Test
    void refusesCodeThatWouldNotVerify() {
        List<Diagnostic> problems = verify(classWith(true));
        assertEquals(1, problems.size());
        assertEquals("m", problems.get(0).method());
        assertEquals("p/Made.java", problems.get(0).sourceFile());
        assertTrue(problems.get(0).message().startsWith("woven code of p.Made.m does not verify"), problems.get(0).message());
    }
}
