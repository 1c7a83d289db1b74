package io.jasyncio.transformer;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The find pass: the class's {@code @Async} methods in declaration order, and every misuse of
 * {@code @Async}, {@code await(...)} and {@code completed(...)} with its file and line.
 */
final class AsyncMethodFinder {
    /** What the pass found; the methods are woven only when there are no diagnostics. */
    record Found(List<MethodNode> asyncMethods, List<Diagnostic> diagnostics) {
    }

    private AsyncMethodFinder() {
    }

    static Found find(ClassNode owner) {
        Places places = new Places(owner);
        List<MethodNode> async = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (MethodNode m : owner.methods) {
            // javac copies annotations onto bridge methods; a bridge only forwards to the woven method.
            if (Names.isAsync(m) && (m.access & Opcodes.ACC_BRIDGE) == 0) {
                int before = problems.size();
                checkSignature(m, places, problems);
                if (problems.size() == before) {
                    checkMonitors(m, places, problems);
                }
                async.add(m);
            } else {
                checkPlainMethod(m, places, problems);
            }
        }
        return new Found(async, problems);
    }

    private static void checkSignature(MethodNode m, Places places, List<Diagnostic> problems) {
        if (m.name.equals("<init>")) {
            problems.add(places.at(m, "@Async on a constructor: a constructor cannot suspend — move the"
                    + " asynchronous part to an @Async factory method returning Coroutine<T>"));
        } else if ((m.access & Opcodes.ACC_ABSTRACT) != 0) {
            problems.add(places.at(m, "@Async on an abstract method: there is no body to weave — put @Async"
                    + " on the implementations, which return Coroutine<T>"));
        } else if ((m.access & Opcodes.ACC_NATIVE) != 0) {
            problems.add(places.at(m, "@Async on a native method: there is no body to weave — remove @Async"));
        } else if (!Type.getReturnType(m.desc).getDescriptor().equals(Names.COROUTINE_DESC)) {
            problems.add(places.at(m, "@Async method returns " + Type.getReturnType(m.desc).getClassName()
                    + ", not Coroutine — declare it as Coroutine<T> and end it with return completed(x)"));
        }
    }

    private static void checkPlainMethod(MethodNode m, Places places, List<Diagnostic> problems) {
        boolean lambda = m.name.startsWith("lambda$");
        for (AbstractInsnNode insn : m.instructions) {
            if (Names.isAwait(insn)) {
                problems.add(places.at(m, insn, lambda
                        ? "await(...) inside a lambda: a lambda cannot suspend — await in the enclosing @Async"
                        + " method, or make the lambda's work an @Async method and await its coroutine"
                        : "await(...) in a method that is not @Async — annotate " + m.name
                        + " with @Async and return Coroutine<T>, or await in an @Async caller"));
            } else if (Names.isCompleted(insn)) {
                problems.add(places.at(m, insn, "completed(...) outside an @Async method — it only ends an"
                        + " @Async method (return completed(x)); use Coroutine.ofResult(x) for a ready coroutine"));
            }
        }
    }

    /** Reports awaits reached while a monitor is held: a suspension would leave the lock taken. */
    private static void checkMonitors(MethodNode m, Places places, List<Diagnostic> problems) {
        boolean synchronizedMethod = (m.access & Opcodes.ACC_SYNCHRONIZED) != 0;
        int[] depth = monitorDepths(m);
        for (int i = 0; i < depth.length; i++) {
            AbstractInsnNode insn = m.instructions.get(i);
            if (!Names.isAwait(insn)) {
                continue;
            }
            if (synchronizedMethod) {
                problems.add(places.at(m, insn, "await(...) in a synchronized method — a suspension would hold"
                        + " the monitor; remove synchronized and use a jasyncio Lock"));
            } else if (depth[i] > 0) {
                problems.add(places.at(m, insn, "await(...) inside synchronized block — move the await out of"
                        + " the block or use a jasyncio Lock"));
            }
        }
    }

    /** Monitors held before each instruction (-1 if unreachable), the maximum over all paths. */
    static int[] monitorDepths(MethodNode m) {
        ControlFlow flow = ControlFlow.of(m);
        int n = m.instructions.size();
        int[] depth = new int[n];
        Arrays.fill(depth, -1);
        if (n == 0) {
            return depth;
        }
        Deque<Integer> work = new ArrayDeque<>();
        depth[0] = 0;
        work.add(0);
        while (!work.isEmpty()) {
            int i = work.poll();
            int op = m.instructions.get(i).getOpcode();
            int after = depth[i] + (op == Opcodes.MONITORENTER ? 1 : op == Opcodes.MONITOREXIT ? -1 : 0);
            after = Math.max(0, Math.min(after, 64));
            for (int s : flow.successors[i]) {
                if (after > depth[s]) {
                    depth[s] = after;
                    work.add(s);
                }
            }
            for (int h : flow.handlers[i]) {
                if (depth[i] > depth[h]) {
                    depth[h] = depth[i];
                    work.add(h);
                }
            }
        }
        return depth;
    }
}
