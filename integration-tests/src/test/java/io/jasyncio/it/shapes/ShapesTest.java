package io.jasyncio.it.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 2: every shape, woven by the plugin's weave-tests goal, run on the real loop with its awaited
 * values completing at once, later, after a virtual sleep and in reverse order, computes exactly what
 * the same source computes synchronously.
 */
class ShapesTest {
    private static ClassLoader twins;

    /** The shape classes: each public static {@code (Src) -> Coroutine} method is one shape. */
    static List<Class<?>> shapeClasses() {
        List<Class<?>> classes = new ArrayList<>(List.of(ExpressionShapes.class, ConstructorShapes.class,
                ControlFlowShapes.class, MethodKindShapes.class, InheritanceShapes.class, ReturnShapes.class,
                EdgeShapes.class, TrickyShapes.class, ManyLocalsShapes.class));
        classes.add(load("DefaultPackageShapes"));
        if (Runtime.version().feature() >= 21) {
            classes.add(load("io.jasyncio.it.shapes21.PatternSwitchShapes"));
        }
        return classes;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is missing: was src/test/java21 compiled (JDK 21+ profile)?", e);
        }
    }

    static List<Method> shapes(Class<?> c) {
        return Arrays.stream(c.getDeclaredMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()))
                .filter(m -> m.getReturnType() == Coroutine.class && m.getParameterCount() == 1
                        && m.getParameterTypes()[0] == Src.class)
                .sorted(Comparator.comparing(Method::getName))
                .toList();
    }

    @BeforeAll
    static void compileTwins() {
        twins = SyncTwins.load(shapeClasses(), List.of(TrickyBase.class));
    }

    @TestFactory
    Stream<DynamicContainer> everyShapeComputesWhatItsSynchronousTwinComputes() {
        List<DynamicContainer> out = new ArrayList<>();
        for (Class<?> c : shapeClasses()) {
            List<Method> shapes = shapes(c);
            assertTrue(!shapes.isEmpty(), "no shapes found in " + c.getName());
            for (Method shape : shapes) {
                String expected = runTwin(c, shape.getName());
                // every shape completes normally: a twin that throws means the shape, not the weaver, is broken
                assertTrue(expected.startsWith("returned "), () -> c.getSimpleName() + "." + shape.getName() + " " + expected);
                List<DynamicTest> modes = new ArrayList<>();
                for (LoopSrc.Mode mode : LoopSrc.Mode.values()) {
                    modes.add(DynamicTest.dynamicTest(mode.name(), () -> assertEquals(expected, runWoven(shape, mode),
                            () -> c.getSimpleName() + "." + shape.getName() + " under " + mode)));
                }
                out.add(DynamicContainer.dynamicContainer(c.getSimpleName() + "." + shape.getName(), modes));
            }
        }
        return out.stream();
    }

    static String runWoven(Method shape, LoopSrc.Mode mode) throws IllegalAccessException {
        try (EventLoop loop = new EventLoop(new VirtualClock())) {
            Coroutine<?> coro;
            try {
                coro = (Coroutine<?>) shape.invoke(null, new LoopSrc(loop, mode));
            } catch (InvocationTargetException e) {
                return "threw on call " + describe(e.getCause());
            }
            try {
                return "returned " + String.valueOf(loop.runUntilComplete(loop.createTask(coro)));
            } catch (RuntimeException | Error e) {
                return "threw " + describe(e);
            }
        }
    }

    private static String runTwin(Class<?> owner, String method) {
        try {
            Class<?> twin = Class.forName(owner.getName(), true, twins);
            Class<?> shimSrc = Class.forName("io.jasyncio.shim.ShimSrc", true, twins);
            Class<?> srcType = Class.forName(Src.class.getName(), true, twins);
            Method m = twin.getDeclaredMethod(method, srcType);
            Object result;
            try {
                result = m.invoke(null, shimSrc.getConstructor().newInstance());
            } catch (InvocationTargetException e) {
                return "threw " + describe(e.getCause());
            }
            // the stand-in coroutine already holds the value: its Awaitable.get() hands it over
            Object value = twins.loadClass("io.jasyncio.Awaitable").getMethod("get").invoke(result);
            return "returned " + value;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot run the synchronous twin of " + owner.getName() + "." + method, e);
        }
    }

    private static String describe(Throwable t) {
        return t.getClass().getName() + ": " + t.getMessage();
    }
}
