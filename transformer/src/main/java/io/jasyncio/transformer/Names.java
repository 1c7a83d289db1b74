package io.jasyncio.transformer;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;

/** The runtime's names as the weaver sees them (docs/ABI.md): the weaver never links against the runtime. */
final class Names {
    static final String ASYNC = "Lio/jasyncio/Async;";
    static final String WOVEN = "Lio/jasyncio/internal/Woven;";
    static final String ASYNCIO = "io/jasyncio/Asyncio";
    static final String COROUTINE = "io/jasyncio/Coroutine";
    static final String COROUTINE_DESC = "Lio/jasyncio/Coroutine;";
    static final String AWAITABLE = "io/jasyncio/Awaitable";
    static final String ASYNC_CLOSEABLE = "io/jasyncio/AsyncCloseable";
    static final String AWAIT = "await";
    static final String AWAIT_AWAITABLE = "(Lio/jasyncio/Awaitable;)Ljava/lang/Object;";
    static final String COMPLETED = "completed";
    static final String AWAIT_START = "awaitStart";
    static final String AWAIT_START_DESC = "(Ljava/lang/Object;Lio/jasyncio/Coroutine;)Ljava/lang/Object;";
    static final String RESUME_VALUE = "resumeValue";
    static final String RESUME_VALUE_DESC = "(Lio/jasyncio/Coroutine;)Ljava/lang/Object;";
    static final String OF_RESULT = "ofResult";
    static final String OF_RESULT_DESC = "(Ljava/lang/Object;)Lio/jasyncio/Coroutine;";
    static final String SUSPENDED = "SUSPENDED";
    static final String OBJECT_DESC = "Ljava/lang/Object;";
    static final String CLOSE_ASYNC = "closeAsync";
    static final String CLOSE_ASYNC_DESC = "(Ljava/lang/Throwable;)Lio/jasyncio/Awaitable;";
    static final String CLOSE_FAILED = "closeFailed";
    static final String CLOSE_FAILED_DESC = "(Ljava/lang/Throwable;Ljava/lang/Throwable;)V";
    static final String FRAME_SUFFIX = "$Coroutine";

    private Names() {
    }

    static boolean isAsync(MethodNode m) {
        return hasAnnotation(m.visibleAnnotations, ASYNC) || hasAnnotation(m.invisibleAnnotations, ASYNC);
    }

    static boolean hasAnnotation(List<AnnotationNode> annotations, String desc) {
        if (annotations != null) {
            for (AnnotationNode a : annotations) {
                if (a.desc.equals(desc)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code Asyncio.await(Awaitable|CompletionStage)}. */
    static boolean isAwait(AbstractInsnNode insn) {
        return insn.getOpcode() == Opcodes.INVOKESTATIC && ((MethodInsnNode) insn).owner.equals(ASYNCIO)
                && ((MethodInsnNode) insn).name.equals(AWAIT);
    }

    /** {@code Asyncio.completed(x)} or {@code Asyncio.completed()}. */
    static boolean isCompleted(AbstractInsnNode insn) {
        return insn.getOpcode() == Opcodes.INVOKESTATIC && ((MethodInsnNode) insn).owner.equals(ASYNCIO)
                && ((MethodInsnNode) insn).name.equals(COMPLETED);
    }

    static MethodInsnNode awaitCall() {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, ASYNCIO, AWAIT, AWAIT_AWAITABLE, false);
    }

    /** {@code a/b/Foo.java} from the package and the SourceFile attribute ({@code a/b/Foo.class} without one). */
    static String sourcePath(String className, String sourceFile) {
        int slash = className.lastIndexOf('/');
        String dir = slash < 0 ? "" : className.substring(0, slash + 1);
        return sourceFile != null ? dir + sourceFile : className + ".class";
    }
}
