package io.jasyncio.junit;

import io.jasyncio.junit.fixtures.BrokenBeforeAll;
import io.jasyncio.junit.fixtures.ClassHooks;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Static @BeforeAll / @AfterAll in @AsyncTest classes, run through the launcher as surefire runs them. */
class ClassLifecycleTest {
    /** Runs the class with the jasyncio engine; returns every finished node's display name and result. */
    private static Map<String, TestExecutionResult> run(Class<?> testClass) {
        Map<String, TestExecutionResult> results = new LinkedHashMap<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(testClass))
                .filters(EngineFilter.includeEngines(AsyncTestEngine.ENGINE_ID))
                .build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        results.put(id.getDisplayName(), result);
                    }
                });
        return results;
    }

    @Test
    void beforeAllRunsOnceBeforeTheTestsAndAfterAllOnceAfter() {
        ClassHooks.LOG.clear();
        Map<String, TestExecutionResult> results = run(ClassHooks.class);
        assertEquals(List.of("beforeAll on a loop true", "test", "test", "afterAll"), ClassHooks.LOG);
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, results.get("ClassHooks").getStatus());
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, results.get("first()").getStatus());
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, results.get("second()").getStatus());
    }

    @Test
    void aFailingBeforeAllFailsTheClassRunsNoTestAndStillRunsAfterAll() {
        BrokenBeforeAll.LOG.clear();
        Map<String, TestExecutionResult> results = run(BrokenBeforeAll.class);
        assertEquals(List.of("afterAll"), BrokenBeforeAll.LOG);
        assertFalse(results.containsKey("neverRuns()"), "no test starts: " + results.keySet());
        TestExecutionResult cls = results.get("BrokenBeforeAll");
        assertEquals(TestExecutionResult.Status.FAILED, cls.getStatus());
        assertEquals("no database today", cls.getThrowable().orElseThrow().getMessage());
    }
}
