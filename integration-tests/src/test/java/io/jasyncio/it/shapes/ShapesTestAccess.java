package io.jasyncio.it.shapes;

import java.util.List;

/** The shape catalogue and runner, for the suites in other packages. */
public final class ShapesTestAccess {
    private ShapesTestAccess() {
    }

    public static List<Class<?>> shapeClasses() {
        return ShapesTest.shapeClasses();
    }

    /** Plain classes the shapes need besides the API (compiled with them wherever they are compiled). */
    public static Class<?>[] supportClasses() {
        return new Class<?>[] {TrickyBase.class, Src.class, LoopSrc.class};
    }

    public static List<java.lang.reflect.Method> shapes(Class<?> c) {
        return ShapesTest.shapes(c);
    }

    /** Runs one shape woven, describing its outcome as the suite does. */
    public static String run(java.lang.reflect.Method shape, LoopSrc.Mode mode) throws IllegalAccessException {
        return ShapesTest.runWoven(shape, mode);
    }
}
