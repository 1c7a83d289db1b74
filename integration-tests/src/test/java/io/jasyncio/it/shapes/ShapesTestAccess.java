package io.jasyncio.it.shapes;

import java.util.List;

/** The shape catalogue, for the suite that verifies every woven class. */
public final class ShapesTestAccess {
    private ShapesTestAccess() {
    }

    public static List<Class<?>> shapeClasses() {
        return ShapesTest.shapeClasses();
    }
}
