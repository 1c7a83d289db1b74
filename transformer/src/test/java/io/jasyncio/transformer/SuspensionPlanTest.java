package io.jasyncio.transformer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analyze and plan passes on small methods: what is live at each await, and which field holds it. */
class SuspensionPlanTest {
    @TempDir
    Path tmp;

    private SuspensionPlan plan(String body) throws Exception {
        TestSupport.project(tmp, Map.of("p/P.java", """
                package p;
                import io.jasyncio.*;
                import static io.jasyncio.Asyncio.*;
                class P {
                    static String s(Object o) { return String.valueOf(o); }
                    static String j(String a, double d, String b, Object c, int x) { return a + d + b + c + x; }
                    @Async static Coroutine<Object> m(Awaitable<Integer> a, int n) {
                """ + body + """
                    }
                }
                """));
        ClassNode owner = new ClassNode();
        new ClassReader(TestSupport.read(tmp.resolve("classes"), "p/P")).accept(owner, ClassReader.SKIP_FRAMES);
        MethodNode m = owner.methods.stream().filter(x -> x.name.equals("m")).findFirst().orElseThrow();
        try (ClasspathHierarchy h = TestSupport.hierarchy(tmp)) {
            TypeRelations relations = new TypeRelations(h);
            ReturnNormalizer.normalize(owner.name, m);
            ConstructorArgumentMover.move(owner.name, m);
            FrameAnalysis analysis = FrameAnalysis.analyze(owner.name, m, relations);
            return SuspensionPlan.plan(m, analysis, m.maxLocals + 1, false);
        }
    }

    private static String describe(List<SuspensionPlan.Spill> spills) {
        StringBuilder sb = new StringBuilder();
        for (SuspensionPlan.Spill s : spills) {
            sb.append(sb.length() == 0 ? "" : " ")
                    .append(s.isNull() ? "null" : s.fieldName() + "=" + s.type().getDescriptor())
                    .append('@').append(s.slot());
        }
        return sb.toString();
    }

    @Test
    void onlyLiveLocalsAreSpilled() throws Exception {
        SuspensionPlan p = plan("""
                        String dead = s("d");
                        long kept = 7L;
                        int alsoDead = n + 1;
                        int x = await(a);
                        return completed(s(kept + x + n));
                """);
        assertEquals(1, p.sites.size());
        // slot 0 a (dead: awaited already), 1 n, 2 dead, 3-4 kept, 5 alsoDead
        assertEquals("I$0=I@1 J$0=J@3", describe(p.sites.get(0).locals()));
        assertEquals("", describe(p.sites.get(0).stack()));
    }

    @Test
    void stackEntriesGoThroughFreshSlotsBottomFirstAndNullsAreNotStored() throws Exception {
        SuspensionPlan p = plan("""
                        String[] arr = {"a"};
                        double dv = 2.5;
                        return completed(j(s(n), dv, arr[0], null, await(a)));
                """);
        SuspensionPlan.Site site = p.sites.get(0);
        String stack = describe(site.stack());
        assertTrue(stack.matches("L\\$0=Ljava/lang/String;@\\d+ D\\$0=D@\\d+ L\\$1=Ljava/lang/String;@\\d+ null@\\d+"), stack);
        assertEquals("", describe(site.locals()), "arr and n are dead once the operands are on the stack");
    }

    @Test
    void localsReadOnlyByAHandlerAreLive() throws Exception {
        SuspensionPlan p = plan("""
                        String note = s("n");
                        try {
                            int v = await(a);
                            return completed(v);
                        } catch (RuntimeException e) {
                            return completed(note);
                        }
                """);
        assertEquals("L$0=Ljava/lang/String;@2", describe(p.sites.get(0).locals()));
    }

    @Test
    void fieldCountsAreTheMaximumOverSites() throws Exception {
        SuspensionPlan p = plan("""
                        int i1 = n, i2 = n + 1, i3 = n + 2;
                        int x = await(a);
                        double d = x;
                        int y = await(a);
                        return completed(s(i1 + i2 + i3 + d + y));
                """);
        assertEquals(2, p.sites.size());
        assertEquals(3, p.fieldCounts[SuspensionPlan.KINDS.indexOf('I')]);
        assertEquals(1, p.fieldCounts[SuspensionPlan.KINDS.indexOf('D')]);
        assertEquals(1, p.fieldCounts[SuspensionPlan.KINDS.indexOf('L')], "a, awaited again later");
    }

    @Test
    void aConstructionSpanningAnAwaitLeavesNoUninitialisedValueOnTheStack() throws Exception {
        SuspensionPlan p = plan("""
                        return completed(new StringBuilder(s(n)).append(new String(s(await(a)))).toString());
                """);
        String stack = describe(p.sites.get(0).stack());
        assertEquals("L$0=Ljava/lang/StringBuilder;", stack.replaceAll("@\\d+", ""));
    }

    @Test
    void monitorDepthsFollowSynchronizedBlocks() throws Exception {
        TestSupport.project(tmp, Map.of("p/S.java", """
                package p;
                class S {
                    static int f(Object lock, int x) {
                        synchronized (lock) { x++; }
                        return x;
                    }
                }
                """));
        ClassNode owner = new ClassNode();
        new ClassReader(TestSupport.read(tmp.resolve("classes"), "p/S")).accept(owner, ClassReader.SKIP_FRAMES);
        MethodNode f = owner.methods.stream().filter(x -> x.name.equals("f")).findFirst().orElseThrow();
        int[] depth = AsyncMethodFinder.monitorDepths(f);
        for (int i = 0; i < depth.length; i++) {
            if (f.instructions.get(i).getOpcode() == org.objectweb.asm.Opcodes.IINC) {
                assertEquals(1, depth[i]);
            }
            if (f.instructions.get(i).getOpcode() == org.objectweb.asm.Opcodes.IRETURN) {
                assertEquals(0, depth[i]);
            }
        }
    }
}
