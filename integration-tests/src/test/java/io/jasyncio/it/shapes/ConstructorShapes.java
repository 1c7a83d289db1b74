package io.jasyncio.it.shapes;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code new Foo(a, await(x))}: the suspension happens while javac's {@code NEW/DUP} of an object not
 * yet constructed is on the stack, under arguments already evaluated; nested, with wide arguments, in
 * anonymous classes and inside other expressions.
 */
public final class ConstructorShapes {
    private ConstructorShapes() {
    }

    record Point(int x, long y) {
    }

    record Line(Point from, Point to, String label) {
    }

    static final class Wide {
        final String text;

        Wide(double a, long b, int c, double d) {
            text = a + "/" + b + "/" + c + "/" + d;
        }
    }

    abstract static class Base {
        final int seed;

        Base(int seed) {
            this.seed = seed;
        }

        abstract String describe();
    }

    @Async
    public static Coroutine<String> awaitedArgument(Src src) {
        Point p = new Point(1, await(src.v(2L)));
        Point q = new Point(await(src.v(3)), 4L);
        return completed(p + "," + q);
    }

    @Async
    public static Coroutine<String> nestedConstructors(Src src) {
        Line line = new Line(new Point(await(src.v(1)), 2L), new Point(3, await(src.v(4L))), await(src.v("l")));
        Line other = new Line(null, new Point(await(src.v(5)), await(src.v(6L))), "m" + await(src.v(7)));
        return completed(line + ";" + other);
    }

    @Async
    public static Coroutine<String> wideArguments(Src src) {
        Wide w = new Wide(0.5, await(src.v(1L << 35)), await(src.v(7)), await(src.v(-2.25)));
        Wide v = new Wide(await(src.v(1.0)), 2L, 3, 4.0);
        return completed(w.text + ";" + v.text);
    }

    @Async
    public static Coroutine<String> constructorInsideExpressions(Src src) {
        String s = "pre:" + new StringBuilder(await(src.v("abc"))).reverse() + ":" + new Point(1, await(src.v(9L))).y();
        List<String> list = new ArrayList<>(List.of(await(src.v("a")), "b"));
        list.add(new String(new char[] {'x', await(src.v('y'))}));
        int size = new ArrayList<>(list).size() + new int[await(src.v(3))].length;
        return completed(s + "," + list + "," + size);
    }

    @Async
    public static Coroutine<String> anonymousClassWithAwaitedArgument(Src src) {
        String suffix = "!";
        Base b = new Base(await(src.v(12))) {
            @Override
            String describe() {
                return "seed=" + seed + suffix;
            }
        };
        return completed(b.describe() + "," + new Point(await(src.v(b.seed)), 0L));
    }

    @Async
    public static Coroutine<String> constructorWhoseArgumentFails(Src src) {
        try {
            Point p = new Point(1, await(src.<Long>fail(new IllegalArgumentException("no y"))));
            return completed("unreachable " + p);
        } catch (IllegalArgumentException e) {
            return completed("caught " + e.getMessage() + " then " + new Point(await(src.v(2)), 3L));
        }
    }
}
