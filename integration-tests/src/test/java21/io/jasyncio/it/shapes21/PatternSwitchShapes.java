package io.jasyncio.it.shapes21;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.it.shapes.Src;
import java.util.List;

/**
 * Pattern-matching switch (class files 21+): javac lowers it to an invokedynamic typeSwitch with a
 * restart index in a local, so awaits in guards and in case bodies suspend inside that machinery.
 */
public final class PatternSwitchShapes {
    private PatternSwitchShapes() {
    }

    sealed interface Shape permits Circle, Square, Rect {
    }

    record Circle(double r) implements Shape {
    }

    record Square(long side) implements Shape {
    }

    record Rect(int w, int h) implements Shape {
    }

    @Async
    static Coroutine<String> classify(Src src, Object o) {
        String s = switch (await(src.v(o))) {
            case null -> "null";
            case Integer i when i > await(src.v(10)) -> "big int " + i;
            case Integer i -> "int " + (i + await(src.v(1)));
            case String str when str.length() == await(src.v(3)) -> "three " + str;
            case String str -> "string " + await(src.v(str.toUpperCase()));
            case Long l -> "long " + (l * await(src.v(2L)));
            default -> "other " + o.getClass().getSimpleName();
        };
        return completed(s);
    }

    @Async
    static Coroutine<Double> area(Src src, Shape shape) {
        return completed(switch (shape) {
            case Circle(double r) when r > await(src.v(100.0)) -> Double.POSITIVE_INFINITY;
            case Circle(double r) -> Math.PI * r * await(src.v(r));
            case Square(long side) -> (double) side * await(src.v(side));
            case Rect(int w, int h) -> {
                int area = w * await(src.v(h));
                yield (double) area;
            }
        });
    }

    @Async
    public static Coroutine<String> patternSwitches(Src src) {
        StringBuilder log = new StringBuilder();
        for (Object o : new Object[] {null, 42, 7, "abc", "hello", 5L, 2.5}) {
            log.append(await(classify(src, o))).append(';');
        }
        for (Shape s : List.of(new Circle(1.0), new Circle(1000), new Square(3), new Rect(4, 5))) {
            log.append(await(area(src, s))).append(';');
        }
        if (await(src.v((Object) new Rect(2, 3))) instanceof Rect(int w, int h) && w < await(src.v(h))) {
            log.append("record pattern ").append(w + h);
        }
        return completed(log.toString());
    }
}
