package io.jasyncio.it.shapes;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

/** Corners of javac's output around awaits: captures, pattern bindings, for-update clauses, special floats. */
public final class EdgeShapes {
    private EdgeShapes() {
    }

    interface Named {
        @Async
        default Coroutine<String> name(Src src) {
            return completed("named:" + await(src.v(getClass().getSimpleName().isEmpty())));
        }
    }

    static final class Override implements Named {
        @Async
        @java.lang.Override
        public Coroutine<String> name(Src src) {
            return completed("override+" + await(Named.super.name(src)));
        }
    }

    @Async
    public static Coroutine<String> localClassCapturingAwaitedValues(Src src) {
        int k = await(src.v(7));
        long w = await(src.v(1L << 40));
        class Capture {
            long get() {
                return k + w;
            }
        }
        Capture c = new Capture();
        int later = await(src.v(1));
        return completed(c.get() + later + "," + await(new Override().name(src)));
    }

    @Async
    public static Coroutine<String> patternBindingsAcrossAwaits(Src src) {
        Object o = await(src.v((Object) "bound"));
        if (!(o instanceof String s)) {
            return completed("not a string");
        }
        int n = await(src.v(s.length()));
        return completed(s + n + (await(src.v((Object) 42)) instanceof Integer i && i > await(src.v(40)) ? i : -1));
    }

    @Async
    public static Coroutine<String> awaitsInForHeadersAndLabels(Src src) {
        StringBuilder sb = new StringBuilder();
        for (int i = await(src.v(0)), j = 10; i < await(src.v(6)); i += await(src.v(2)), j--) {
            sb.append(i).append(':').append(j).append(' ');
        }
        outer:
        for (int i = 0; i < 3; i++) {
            try {
                for (int j = 0; j < 3; j++) {
                    if (j == await(src.v(1))) {
                        continue outer;
                    }
                    sb.append(i).append(j);
                }
            } finally {
                sb.append('f').append(await(src.v(i)));
            }
        }
        return completed(sb.toString());
    }

    @Async
    public static Coroutine<String> specialFloatingValues(Src src) {
        float nan = Float.intBitsToFloat(0x7fc00001);
        double negZero = -0.0;
        double inf = Double.POSITIVE_INFINITY;
        long bits = Double.doubleToRawLongBits(await(src.v(Double.longBitsToDouble(0x7ff8000000000123L))));
        float back = await(src.v(nan));
        return completed(Float.floatToRawIntBits(back) + "," + Float.floatToRawIntBits(nan) + "," + bits + ","
                + (1 / negZero) + "," + (inf - await(src.v(inf))) + "," + Character.getNumericValue(await(src.v('\uffff'))));
    }

    @Async
    public static Coroutine<String> boxedIdentity(Src src) {
        Integer big = 100_000;
        Integer same = await(src.v(big));
        Object marker = new Object();
        Object back = await(src.v(marker));
        return completed((same == big) + "," + (back == marker) + "," + (await(src.v((Integer) null)) == null));
    }
}
