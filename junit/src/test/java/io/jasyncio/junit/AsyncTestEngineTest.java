package io.jasyncio.junit;

import io.jasyncio.junit.fixtures.Outcomes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The engine run through the JUnit Platform launcher on real test classes, as surefire and IDEs run it. */
class AsyncTestEngineTest {
    private static final Map<String, TestExecutionResult> results = new LinkedHashMap<>();
    private static final Map<String, String> skipped = new LinkedHashMap<>();
    private static TestPlan plan;

    @BeforeAll
    static void runOutcomes() {
        Outcomes.LOG.clear();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(Outcomes.class))
                .filters(EngineFilter.includeEngines(AsyncTestEngine.ENGINE_ID))
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void testPlanExecutionStarted(TestPlan testPlan) {
                plan = testPlan;
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    results.put(id.getDisplayName(), result);
                }
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                skipped.put(id.getDisplayName(), reason);
            }
        });
    }

    private static Throwable failure(String test) {
        TestExecutionResult r = results.get(test);
        assertNotNull(r, () -> test + " did not run: " + results.keySet());
        assertEquals(TestExecutionResult.Status.FAILED, r.getStatus(), test);
        return r.getThrowable().orElseThrow();
    }

    @Test
    void everyAsyncTestMethodIsDiscoveredUnderItsClass() {
        assertEquals(java.util.Set.of("sleepsAnHour()", "failsAfterAnAwait()", "leaksATask()", "hangs()", "dropsAFailure()",
                "leavesAServerOpen()"), results.keySet());
        assertEquals(Map.of("disabled()", "not today"), skipped);
        assertTrue(plan.getRoots().stream().anyMatch(r -> r.getUniqueIdObject().getEngineId().orElseThrow().equals("jasyncio")));
    }

    @Test
    void anHourOfVirtualTimePassesAtOnce() {
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, results.get("sleepsAnHour()").getStatus(),
                () -> String.valueOf(results.get("sleepsAnHour()").getThrowable()));
    }

    @Test
    void beforeEachCoroutinesRunOnTheTestsLoopAndAfterEachAfterIt() {
        long befores = Outcomes.LOG.stream().filter(s -> s.equals("before on the loop true")).count();
        long afters = Outcomes.LOG.stream().filter(s -> s.equals("after")).count();
        assertEquals(6, befores, Outcomes.LOG::toString);
        assertEquals(6, afters, Outcomes.LOG::toString);
    }

    @Test
    void anAssertionFailureAfterAnAwaitFailsTheTestWithItsAsyncStack() {
        Throwable t = failure("failsAfterAnAwait()");
        assertEquals("one is not two ==> expected: <1> but was: <2>", t.getMessage());
        assertInstanceOf(org.opentest4j.AssertionFailedError.class, t);
    }

    @Test
    void aLeakedTaskFailsTheTestAndIsShown() {
        Throwable t = failure("leaksATask()");
        assertTrue(t.getMessage().startsWith("the test left 1 pending task(s); cancel or await them:"), t.getMessage());
        assertTrue(t.getMessage().contains("(T) leaked"), t.getMessage());
    }

    @Test
    void aTestThatHangsTimesOutWithATaskDump() {
        Throwable t = failure("hangs()");
        assertTrue(t.getMessage().startsWith("@AsyncTest hangs() timed out after 0.2 s; its tasks were:"), t.getMessage());
        assertTrue(t.getMessage().contains("(T) hangs"), t.getMessage());
        assertTrue(t.getMessage().contains("Outcomes.hangs Outcomes.java:"), t.getMessage());
    }

    @Test
    void aFailureNobodyRetrievedFailsTheTest() {
        Throwable t = failure("dropsAFailure()");
        assertTrue(t.getMessage().startsWith("the loop reported: "), t.getMessage());
        assertTrue(t.getMessage().contains("nobody looked"), t.getMessage());
    }

    @Test
    void aServerLeftOpenFailsTheTest() {
        Throwable t = failure("leavesAServerOpen()");
        assertTrue(t.getMessage().startsWith("the test left 1 channel(s) registered with the loop"), t.getMessage());
    }
}
