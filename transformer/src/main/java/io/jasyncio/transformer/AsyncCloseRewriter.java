package io.jasyncio.transformer;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.List;

/**
 * "async with": inside an {@code @Async} method, the {@code close()} that javac's try-with-resources
 * calls on an {@link Names#ASYNC_CLOSEABLE} becomes {@code await(r.closeAsync(failure))}. The failure is
 * the throwable the statement's handler caught (the slot it later passes to {@code addSuppressed}), or
 * null on the normal path; {@code close()} on a plain {@code AutoCloseable} decides at run time. An
 * explicit {@code r.close()} outside such a statement is left alone when it may be a synchronous close
 * (a class from the static type up declares {@code close()V}, as {@code Server} does); one that can only
 * resolve to {@code AsyncCloseable}'s default (which throws) always becomes the async close. That rule is
 * also what catches the bare {@code close()} javac emits, with no handler, for a body that cannot throw.
 */
final class AsyncCloseRewriter {
    private static final String AUTO_CLOSEABLE = "java/lang/AutoCloseable";

    private AsyncCloseRewriter() {
    }

    static void rewrite(MethodNode method, TypeRelations relations) {
        InsnList insns = method.instructions;
        List<MethodInsnNode> closes = new ArrayList<>();
        java.util.Set<MethodInsnNode> onlyDefault = new java.util.HashSet<>();
        java.util.BitSet resources = new java.util.BitSet();
        for (AbstractInsnNode insn : insns) {
            if (!(insn instanceof MethodInsnNode call) || !call.name.equals("close") || !call.desc.equals("()V")
                    || (call.getOpcode() != Opcodes.INVOKEVIRTUAL && call.getOpcode() != Opcodes.INVOKEINTERFACE)) {
                continue;
            }
            if (relations.closeIsAsyncCloseableDefault(call.owner)) {
                // resolves to AsyncCloseable's default close(), which could only throw: always the async close
                // (this is also how the try-with-resources javac compiles without a handler is recognised)
                closes.add(call);
                onlyDefault.add(call);
            } else if ((call.owner.equals(AUTO_CLOSEABLE) || relations.isSubtype(call.owner, Names.ASYNC_CLOSEABLE))
                    && receiverSlot(call) >= 0) {
                closes.add(call);
                if (guard(method, call) != null) {
                    resources.set(receiverSlot(call));   // a try-with-resources statement's resource
                }
            }
        }
        closes.removeIf(call -> !onlyDefault.contains(call) && !resources.get(receiverSlot(call)));
        if (!closes.isEmpty()) {
            method.maxStack += 1;   // closeAsync(failure) takes the failure above the receiver close() took
        }
        for (MethodInsnNode call : closes) {
            MethodInsnNode addSuppressed = guard(method, call);
            int failureSlot = addSuppressed == null ? -1 : ((VarInsnNode) previous(previous(addSuppressed))).var;
            InsnList async = new InsnList();
            if (call.owner.equals(AUTO_CLOSEABLE)) {
                LabelNode plain = new LabelNode();
                LabelNode done = new LabelNode();
                async.add(new InsnNode(Opcodes.DUP));
                async.add(new TypeInsnNode(Opcodes.INSTANCEOF, Names.ASYNC_CLOSEABLE));
                async.add(new JumpInsnNode(Opcodes.IFEQ, plain));
                async.add(new TypeInsnNode(Opcodes.CHECKCAST, Names.ASYNC_CLOSEABLE));
                awaitClose(async, failureSlot);
                async.add(new JumpInsnNode(Opcodes.GOTO, done));
                async.add(plain);
                async.add(new MethodInsnNode(call.getOpcode(), call.owner, call.name, call.desc, call.itf));
                async.add(done);
            } else {
                awaitClose(async, failureSlot);
                if (addSuppressed != null) {
                    // Python's async with: the close's exception wins, carrying the body's as suppressed.
                    insns.set(addSuppressed, new MethodInsnNode(Opcodes.INVOKESTATIC, Names.COROUTINE,
                            Names.CLOSE_FAILED, Names.CLOSE_FAILED_DESC, false));
                }
            }
            insns.insert(call, async);
            insns.remove(call);
        }
    }

    private static void awaitClose(InsnList out, int failureSlot) {
        out.add(failureSlot >= 0 ? new VarInsnNode(Opcodes.ALOAD, failureSlot) : new InsnNode(Opcodes.ACONST_NULL));
        out.add(new MethodInsnNode(Opcodes.INVOKEINTERFACE, Names.ASYNC_CLOSEABLE, Names.CLOSE_ASYNC,
                Names.CLOSE_ASYNC_DESC, true));
        out.add(Names.awaitCall());
        out.add(new InsnNode(Opcodes.POP));
    }

    /**
     * javac guards the close on the exceptional path with {@code try { r.close(); } catch (Throwable x)
     * { t.addSuppressed(x); }}: when a handler covering the call starts that way, this is its
     * {@code addSuppressed} call (right after {@code aload t; aload x}), and {@code t} is the failure.
     */
    private static MethodInsnNode guard(MethodNode method, AbstractInsnNode call) {
        InsnList insns = method.instructions;
        int at = insns.indexOf(call);
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            if (insns.indexOf(tcb.start) > at || insns.indexOf(tcb.end) <= at) {
                continue;
            }
            AbstractInsnNode store = next(tcb.handler);
            AbstractInsnNode loadFailure = next(store);
            AbstractInsnNode loadSuppressed = next(loadFailure);
            AbstractInsnNode add = next(loadSuppressed);
            if (store != null && store.getOpcode() == Opcodes.ASTORE
                    && loadFailure != null && loadFailure.getOpcode() == Opcodes.ALOAD
                    && loadSuppressed != null && loadSuppressed.getOpcode() == Opcodes.ALOAD
                    && ((VarInsnNode) loadSuppressed).var == ((VarInsnNode) store).var
                    && add instanceof MethodInsnNode m && m.name.equals("addSuppressed")) {
                return m;
            }
        }
        return null;
    }

    /** The local the receiver is loaded from right before the call ({@code aload r; close()}), or -1. */
    private static int receiverSlot(AbstractInsnNode call) {
        AbstractInsnNode p = previous(call);
        return p != null && p.getOpcode() == Opcodes.ALOAD ? ((VarInsnNode) p).var : -1;
    }

    /** The previous real instruction (skipping labels, line numbers and frames). */
    private static AbstractInsnNode previous(AbstractInsnNode insn) {
        AbstractInsnNode p = insn.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    /** The next real instruction (skipping labels, line numbers and frames). */
    private static AbstractInsnNode next(AbstractInsnNode insn) {
        if (insn == null) {
            return null;
        }
        AbstractInsnNode p = insn.getNext();
        while (p != null && p.getOpcode() < 0) {
            p = p.getNext();
        }
        return p;
    }
}
