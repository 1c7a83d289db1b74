package io.jasyncio.junit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.discovery.SelectorResolver;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JUnit Platform engine that finds and runs {@link AsyncTest} methods. Jupiter discovers only
 * test methods returning void, so coroutine-returning tests need an engine of their own; it resolves
 * the same selectors (class path roots, packages, classes, methods, unique ids), so surefire, Gradle
 * and IDEs run these tests next to Jupiter's without configuration.
 */
public final class AsyncTestEngine implements TestEngine {
    public static final String ENGINE_ID = "jasyncio";
    static final String CLASS_SEGMENT = "class";
    static final String METHOD_SEGMENT = "method";

    private static final EngineDiscoveryRequestResolver<EngineDescriptor> RESOLVER = EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
            .addClassContainerSelectorResolver(AsyncTestEngine::hasAsyncTests)
            .addSelectorResolver(context -> new Resolver())
            .build();

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("io.jasyncio");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("jasyncio-junit");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "jasyncio @AsyncTest");
        RESOLVER.resolve(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        EngineExecutionListener listener = request.getEngineExecutionListener();
        TestDescriptor engine = request.getRootTestDescriptor();
        listener.executionStarted(engine);
        for (TestDescriptor c : engine.getChildren()) {
            listener.executionStarted(c);
            Class<?> testClass = ((AsyncTestDescriptors.ClassDescriptor) c).testClass();
            // As Jupiter: a failing @BeforeAll fails the class and runs none of its tests; @AfterAll runs anyway.
            Throwable classFailure = AsyncTestRun.classLifecycle(testClass, BeforeAll.class);
            for (TestDescriptor m : classFailure != null ? List.<TestDescriptor>of() : c.getChildren()) {
                AsyncTestDescriptors.MethodDescriptor method = (AsyncTestDescriptors.MethodDescriptor) m;
                Optional<String> skip = AsyncTestRun.disabledReason(method.testClass(), method.method());
                if (skip.isPresent()) {
                    listener.executionSkipped(m, skip.get());
                    continue;
                }
                listener.executionStarted(m);
                Throwable failure = AsyncTestRun.run(method.testClass(), method.method());
                listener.executionFinished(m, failure == null ? TestExecutionResult.successful() : TestExecutionResult.failed(failure));
            }
            classFailure = AsyncTestRun.add(classFailure, AsyncTestRun.classLifecycle(testClass, AfterAll.class));
            listener.executionFinished(c, classFailure == null ? TestExecutionResult.successful() : TestExecutionResult.failed(classFailure));
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    static boolean hasAsyncTests(Class<?> c) {
        return !ModifierSupport.isAbstract(c) && !c.isInterface() && !c.isLocalClass() && !c.isAnonymousClass()
                && !asyncTests(c).isEmpty();
    }

    static List<Method> asyncTests(Class<?> c) {
        return ReflectionSupport.findMethods(c, m -> AnnotationSupport.isAnnotated(m, AsyncTest.class), HierarchyTraversalMode.TOP_DOWN);
    }

    /** Classes become containers of their @AsyncTest methods; methods, tests under their class. */
    private static final class Resolver implements SelectorResolver {
        @Override
        public Resolution resolve(ClassSelector selector, Context context) {
            Class<?> c = selector.getJavaClass();
            if (!hasAsyncTests(c)) {
                return Resolution.unresolved();
            }
            return context.addToParent(parent -> Optional.of(new AsyncTestDescriptors.ClassDescriptor(
                            parent.getUniqueId().append(CLASS_SEGMENT, c.getName()), c)))
                    .map(d -> Resolution.match(Match.exact(d, () -> {
                        Set<DiscoverySelector> methods = new LinkedHashSet<>();
                        for (Method m : asyncTests(c)) {
                            methods.add(DiscoverySelectors.selectMethod(c, m));
                        }
                        return methods;
                    })))
                    .orElse(Resolution.unresolved());
        }

        @Override
        public Resolution resolve(MethodSelector selector, Context context) {
            Class<?> c = selector.getJavaClass();
            Method m = selector.getJavaMethod();
            if (!AnnotationSupport.isAnnotated(m, AsyncTest.class) || !hasAsyncTests(c)) {
                return Resolution.unresolved();
            }
            return context.addToParent(() -> DiscoverySelectors.selectClass(c), parent -> Optional.of(
                            new AsyncTestDescriptors.MethodDescriptor(parent.getUniqueId().append(METHOD_SEGMENT, m.getName()), c, m)))
                    .map(d -> Resolution.match(Match.exact(d)))
                    .orElse(Resolution.unresolved());
        }

        @Override
        public Resolution resolve(UniqueIdSelector selector, Context context) {
            List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
            if (segments.isEmpty() || !ENGINE_ID.equals(segments.get(0).getValue())) {
                return Resolution.unresolved();
            }
            UniqueId.Segment last = segments.get(segments.size() - 1);
            try {
                if (last.getType().equals(CLASS_SEGMENT)) {
                    return Resolution.selectors(Set.of(DiscoverySelectors.selectClass(last.getValue())));
                }
                if (last.getType().equals(METHOD_SEGMENT) && segments.size() >= 3) {
                    String cls = segments.get(segments.size() - 2).getValue();
                    return Resolution.selectors(Set.of(DiscoverySelectors.selectMethod(cls, last.getValue())));
                }
            } catch (RuntimeException notFound) {
                return Resolution.unresolved();
            }
            return Resolution.unresolved();
        }
    }
}
