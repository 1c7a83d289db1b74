package io.jasyncio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A snapshot of the pending tasks of one or more loops: what each is suspended at and who awaits
 * whom, rendered as Python 3.14's {@code python -m asyncio ps} table and {@code pstree} tree.
 * {@link EventLoop#dumpTasks()} takes one loop's; {@link #allLoops()} every open loop's (what the
 * {@code jasyncio-tools} attach command prints).
 */
public final class TaskDump {
    /** Open loops, weakly: a dropped loop leaves by itself. */
    private static final Set<EventLoop> LOOPS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    /** How long a snapshot from another thread waits for a busy loop before reading it unsynchronised. */
    private static final long HOP_TIMEOUT_MS = 2000;

    /** One pending task. */
    public record Entry(long threadId, long id, String name, String state, List<Frame> frames, List<Long> awaitedBy) {
        /** The innermost await with a source position, or null. */
        public StackTraceElement suspendedAt() {
            for (Frame f : frames) {
                if (f.at() != null) {
                    return f.at();
                }
            }
            return null;
        }

        /** The frames' names innermost first, joined as Python's ps does. */
        String chain() {
            List<String> names = new ArrayList<>();
            for (Frame f : frames) {
                names.add(f.name());
            }
            return String.join(" -> ", names);
        }
    }

    /** One suspended coroutine frame: {@code Owner.method} and where it awaits (null if it cannot tell). */
    public record Frame(String name, StackTraceElement at) {
        /** {@code File.java:line}, or what part of it is known. */
        public String location() {
            if (at == null || at.getFileName() == null) {
                return "";
            }
            return at.getLineNumber() > 0 ? at.getFileName() + ":" + at.getLineNumber() : at.getFileName();
        }
    }

    private final List<Entry> entries;
    private final Map<Long, Entry> byId = new LinkedHashMap<>();

    private TaskDump(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            byId.put(e.id(), e);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    static void register(EventLoop loop) {
        LOOPS.add(loop);
    }

    static void unregister(EventLoop loop) {
        LOOPS.remove(loop);
    }

    /** Every open loop's pending tasks; a running loop is snapshotted on its own thread. */
    public static TaskDump allLoops() {
        List<EventLoop> loops;
        synchronized (LOOPS) {
            loops = new ArrayList<>(LOOPS);
        }
        List<Entry> all = new ArrayList<>();
        for (EventLoop loop : loops) {
            if (!loop.isClosed()) {
                all.addAll(of(loop).entries);
            }
        }
        return new TaskDump(all);
    }

    /** One loop's pending tasks (see {@link EventLoop#dumpTasks()}). */
    static TaskDump of(EventLoop loop) {
        if (!loop.isRunning() || loop.isRunningInThisThread()) {
            return new TaskDump(snapshot(loop));
        }
        // The loop's structures belong to its thread: take the snapshot there, between callbacks.
        CompletableFuture<List<Entry>> hop = new CompletableFuture<>();
        try {
            loop.callSoonThreadsafe(() -> hop.complete(snapshot(loop)));
            return new TaskDump(hop.get(HOP_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dumping the tasks of " + loop, e);
        } catch (Exception busyOrClosed) {
            // A callback hogging the loop is exactly when a dump is wanted: read without the loop's help.
            try {
                return new TaskDump(snapshot(loop));
            } catch (RuntimeException racing) {
                return new TaskDump(List.of());
            }
        }
    }

    private static List<Entry> snapshot(EventLoop loop) {
        List<Task<?>> tasks = loop.allTasks();
        Thread thread = loop.thread();
        long tid = thread == null ? 0 : thread.getId();
        Map<Task<?>, Set<Long>> awaiters = new HashMap<>();
        for (Task<?> t : tasks) {
            for (Task<?> awaited : awaitedBy(t)) {
                awaiters.computeIfAbsent(awaited, k -> new LinkedHashSet<>()).add(idOf(t));
            }
        }
        Task<?> running = loop.currentTask();
        List<Entry> out = new ArrayList<>(tasks.size());
        for (int i = tasks.size() - 1; i >= 0; i--) {   // allTasks is newest first; list in creation order
            Task<?> t = tasks.get(i);
            List<Frame> frames = new ArrayList<>();
            for (Coroutine<?> f : t.awaitChain()) {
                StackTraceElement at = f.suspendedAt();
                frames.add(new Frame(describe(f, at), at));
            }
            String state = t == running ? "running" : t.waitingOn != null ? "waiting" : "ready";
            out.add(new Entry(tid, idOf(t), t.getName(), state, List.copyOf(frames),
                    List.copyOf(awaiters.getOrDefault(t, Set.of()))));
        }
        return out;
    }

    /** The tasks {@code t} awaits: a task it awaits directly, gather's children, a TaskGroup's children. */
    private static Set<Task<?>> awaitedBy(Task<?> t) {
        Set<Task<?>> out = new LinkedHashSet<>();
        Future<?> w = t.waitingOn;
        if (w instanceof Task<?> other) {
            out.add(other);
        } else if (w instanceof GatheringFuture<?> g) {
            for (Future<?> c : g.children()) {
                if (c instanceof Task<?> ct && !ct.isDone()) {
                    out.add(ct);
                }
            }
        }
        for (Coroutine<?> f : t.awaitChain()) {
            Collection<Task<?>> children = TaskGroup.childrenAwaitedBy(f);
            if (children != null) {
                for (Task<?> c : children) {
                    if (!c.isDone()) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    /** Python shows the task's address; the identity hash is the closest stable equivalent. */
    private static long idOf(Task<?> t) {
        return Integer.toUnsignedLong(System.identityHashCode(t));
    }

    /** A frame as Python names a coroutine: {@code Owner.method}, or the runtime class it is. */
    private static String describe(Coroutine<?> f, StackTraceElement at) {
        if (at != null) {
            String cls = at.getClassName();
            return cls.substring(cls.lastIndexOf('.') + 1) + "." + at.getMethodName();
        }
        String cls = f.getClass().getName();
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    // ---------------------------------------------------------------- rendering

    /** Python 3.14's {@code python -m asyncio ps}: one row per task and awaiter. */
    public String ps() {
        String nl = System.lineSeparator();
        String header = String.format("%-10s %-20s %-20s %-9s %-50s %-50s %-20s %s", "tid", "task id", "task name", "state",
                "coroutine stack", "awaiter chain", "awaiter name", "awaiter id");
        StringBuilder sb = new StringBuilder(header).append(nl).append("-".repeat(header.length())).append(nl);
        for (Entry e : entries) {
            String stack = e.chain();
            if (e.awaitedBy().isEmpty()) {
                row(sb, e, stack, "", "", "0x0");
            }
            for (long a : e.awaitedBy()) {
                Entry awaiter = byId.get(a);
                row(sb, e, stack, awaiter == null ? "" : awaiter.chain(),
                        awaiter == null ? "" : awaiter.name(), hex(a));
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, Entry e, String stack, String awaiterChain, String awaiterName, String awaiterId) {
        sb.append(String.format("%-10d %-20s %-20s %-9s %-50s %-50s %-20s %s", e.threadId(), hex(e.id()), e.name(), e.state(),
                stack, awaiterChain, awaiterName, awaiterId).stripTrailing()).append(System.lineSeparator());
    }

    private static String hex(long id) {
        return "0x" + Long.toHexString(id);
    }

    /** Cycles in the await graph (tasks awaiting each other), each as task names ending where it starts. */
    public List<List<String>> cycles() {
        List<List<String>> out = new ArrayList<>();
        Set<Long> done = new LinkedHashSet<>();
        for (Entry e : entries) {
            findCycles(e.id(), new ArrayList<>(), done, out);
        }
        return out;
    }

    /** Depth-first along "awaits" edges; a node met again on the current path closes a cycle. */
    private void findCycles(long id, List<Long> path, Set<Long> done, List<List<String>> out) {
        int at = path.indexOf(id);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>();
            for (long p : path.subList(at, path.size())) {
                cycle.add(byId.get(p).name());
            }
            cycle.add(byId.get(id).name());
            out.add(cycle);
            return;
        }
        if (!done.add(id)) {
            return;
        }
        path.add(id);
        for (long child : awaits(id)) {
            findCycles(child, path, done, out);
        }
        path.remove(path.size() - 1);
    }

    /** The tasks {@code id} awaits (the reverse of awaitedBy). */
    private List<Long> awaits(long id) {
        List<Long> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.awaitedBy().contains(id)) {
                out.add(e.id());
            }
        }
        return out;
    }

    /**
     * Python 3.14's {@code python -m asyncio pstree}: each task not awaited by another is a root; under
     * a task its frames outermost first, and under its innermost frame the tasks it awaits. With
     * cycles there is no tree: the cycles are reported instead, as Python does.
     */
    public String pstree() {
        String nl = System.lineSeparator();
        List<List<String>> cycles = cycles();
        if (!cycles.isEmpty()) {
            StringBuilder sb = new StringBuilder("ERROR: await-graph contains cycles - cannot print a tree!").append(nl);
            for (List<String> c : cycles) {
                sb.append(nl).append("cycle: ").append(String.join(" → ", c));
            }
            return sb.append(nl).toString();
        }
        StringBuilder sb = new StringBuilder();
        List<Entry> roots = entries.stream().filter(e -> e.awaitedBy().isEmpty()).toList();
        for (int i = 0; i < roots.size(); i++) {
            renderTask(sb, roots.get(i), "", i == roots.size() - 1);
        }
        return sb.toString();
    }

    private void renderTask(StringBuilder sb, Entry task, String prefix, boolean last) {
        sb.append(prefix).append(last ? "└── " : "├── ").append("(T) ").append(task.name()).append(System.lineSeparator());
        String inner = prefix + (last ? "    " : "│   ");
        // frames come innermost first; the tree reads outermost first, each frame nested in its caller
        List<Frame> frames = new ArrayList<>(task.frames());
        Collections.reverse(frames);
        for (Frame f : frames) {
            String loc = f.location();
            sb.append(inner).append("└──  ").append(f.name()).append(loc.isEmpty() ? "" : " " + loc).append(System.lineSeparator());
            inner = inner + "    ";
        }
        List<Long> children = awaits(task.id());
        for (int i = 0; i < children.size(); i++) {
            renderTask(sb, byId.get(children.get(i)), inner, i == children.size() - 1);
        }
    }

    /** Both renderings, as the attach tool prints them. */
    @Override
    public String toString() {
        return ps() + System.lineSeparator() + pstree();
    }
}
