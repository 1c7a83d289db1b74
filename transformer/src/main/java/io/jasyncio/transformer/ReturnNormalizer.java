package io.jasyncio.transformer;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Normalizes how an {@code @Async} method ends. The body returns its result value, so
 * {@code completed(x)} whose value only flows to {@code areturn} (through locals and ternaries too)
 * becomes {@code x} itself; any other {@code completed(x)} becomes {@code Coroutine.ofResult(x)}; and an
 * {@code areturn} of a value that is not such a result ({@code return other();}) is awaited first.
 */
final class ReturnNormalizer {
    /** Stands for values with no producing instruction (parameters, caught exceptions). */
    private static final AbstractInsnNode ENTRY = new InsnNode(Opcodes.NOP);

    private ReturnNormalizer() {
    }

    static void normalize(String owner, MethodNode method) throws AnalyzerException {
        Flow flow = new Flow();
        new Analyzer<>(flow).analyze(owner, method);
        List<AbstractInsnNode> completedCalls = new ArrayList<>();
        List<AbstractInsnNode> returns = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (Names.isCompleted(insn)) {
                completedCalls.add(insn);
            } else if (insn.getOpcode() == Opcodes.ARETURN && flow.inputs.containsKey(insn)) {
                returns.add(insn);
            }
        }
        // A return is direct when all it can return are results (completed or null); a completed call is
        // replaced by its value when it reaches direct returns only. Each decision narrows the other.
        Map<AbstractInsnNode, Set<AbstractInsnNode>> originsOf = new IdentityHashMap<>();
        Set<AbstractInsnNode> nullableReturns = new HashSet<>();
        for (AbstractInsnNode ret : returns) {
            Set<AbstractInsnNode> origins = new LinkedHashSet<>();
            flow.origins(ret, origins, new HashSet<>());
            originsOf.put(ret, origins);
            for (AbstractInsnNode o : origins) {
                if (o.getOpcode() == Opcodes.ACONST_NULL) {
                    nullableReturns.add(ret);
                }
            }
        }
        Set<AbstractInsnNode> directReturns = new HashSet<>(returns);
        Set<AbstractInsnNode> asValue = new HashSet<>(completedCalls);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (AbstractInsnNode ret : returns) {
                if (directReturns.contains(ret)) {
                    for (AbstractInsnNode o : originsOf.get(ret)) {
                        if (o.getOpcode() != Opcodes.ACONST_NULL && !asValue.contains(o)) {
                            directReturns.remove(ret);
                            changed = true;
                            break;
                        }
                    }
                }
            }
            for (AbstractInsnNode c : completedCalls) {
                if (asValue.contains(c) && !flow.onlyReturned(c, directReturns, new HashSet<>())) {
                    asValue.remove(c);
                    changed = true;
                }
            }
        }
        InsnList insns = method.instructions;
        for (AbstractInsnNode c : completedCalls) {
            MethodInsnNode call = (MethodInsnNode) c;
            boolean noArg = call.desc.startsWith("()");
            if (asValue.contains(c)) {
                // The result value itself is what the body returns.
                if (noArg) {
                    insns.set(c, new InsnNode(Opcodes.ACONST_NULL));
                } else {
                    insns.remove(c);
                }
            } else {
                if (noArg) {
                    insns.insertBefore(c, new InsnNode(Opcodes.ACONST_NULL));
                }
                insns.set(c, new MethodInsnNode(Opcodes.INVOKESTATIC, Names.COROUTINE, Names.OF_RESULT,
                        Names.OF_RESULT_DESC, false));
            }
        }
        for (AbstractInsnNode ret : returns) {
            if (directReturns.contains(ret)) {
                continue;
            }
            if (nullableReturns.contains(ret)) {
                // return cond ? null : other(); completes with null instead of awaiting it.
                LabelNode done = new LabelNode();
                insns.insertBefore(ret, new InsnNode(Opcodes.DUP));
                insns.insertBefore(ret, new JumpInsnNode(Opcodes.IFNULL, done));
                insns.insertBefore(ret, Names.awaitCall());
                insns.insertBefore(ret, done);
            } else {
                insns.insertBefore(ret, Names.awaitCall());
            }
        }
    }

    /** A SourceInterpreter that records which instructions' values each instruction consumes. */
    private static final class Flow extends SourceInterpreter {
        final Map<AbstractInsnNode, Set<AbstractInsnNode>> inputs = new IdentityHashMap<>();
        final Map<AbstractInsnNode, Set<AbstractInsnNode>> users = new IdentityHashMap<>();

        Flow() {
            super(Opcodes.ASM9);
        }

        private void record(AbstractInsnNode consumer, SourceValue... values) {
            Set<AbstractInsnNode> in = inputs.computeIfAbsent(consumer, k -> new LinkedHashSet<>());
            for (SourceValue v : values) {
                if (v.insns.isEmpty()) {
                    in.add(ENTRY);
                }
                for (AbstractInsnNode p : v.insns) {
                    in.add(p);
                    users.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(consumer);
                }
            }
        }

        @Override
        public SourceValue copyOperation(AbstractInsnNode insn, SourceValue value) {
            record(insn, value);
            return super.copyOperation(insn, value);
        }

        @Override
        public SourceValue unaryOperation(AbstractInsnNode insn, SourceValue value) {
            record(insn, value);
            return super.unaryOperation(insn, value);
        }

        @Override
        public SourceValue binaryOperation(AbstractInsnNode insn, SourceValue v1, SourceValue v2) {
            record(insn, v1, v2);
            return super.binaryOperation(insn, v1, v2);
        }

        @Override
        public SourceValue ternaryOperation(AbstractInsnNode insn, SourceValue v1, SourceValue v2, SourceValue v3) {
            record(insn, v1, v2, v3);
            return super.ternaryOperation(insn, v1, v2, v3);
        }

        @Override
        public SourceValue naryOperation(AbstractInsnNode insn, List<? extends SourceValue> values) {
            record(insn, values.toArray(new SourceValue[0]));
            return super.naryOperation(insn, values);
        }

        @Override
        public void returnOperation(AbstractInsnNode insn, SourceValue value, SourceValue expected) {
            record(insn, value);
        }

        private static boolean passesThrough(AbstractInsnNode insn) {
            return insn instanceof VarInsnNode && (insn.getOpcode() == Opcodes.ALOAD || insn.getOpcode() == Opcodes.ASTORE);
        }

        /** Where the value consumed by {@code insn} was made, looking through local variables. */
        void origins(AbstractInsnNode insn, Set<AbstractInsnNode> out, Set<AbstractInsnNode> seen) {
            for (AbstractInsnNode p : inputs.getOrDefault(insn, Set.of())) {
                if (passesThrough(p)) {
                    if (seen.add(p)) {
                        origins(p, out, seen);
                    }
                } else {
                    out.add(p);
                }
            }
        }

        /** Whether the value made by {@code producer} reaches nothing but direct returns. */
        boolean onlyReturned(AbstractInsnNode producer, Set<AbstractInsnNode> directReturns, Set<AbstractInsnNode> seen) {
            for (AbstractInsnNode u : users.getOrDefault(producer, Set.of())) {
                if (passesThrough(u)) {
                    if (seen.add(u) && !onlyReturned(u, directReturns, seen)) {
                        return false;
                    }
                } else if (!directReturns.contains(u)) {
                    return false;
                }
            }
            return true;
        }
    }
}
