package io.jasyncio.it.shapes;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Shapes that stress the weaver's analysis rather than javac's statement forms: values whose merged
 * verifier type is a class the user cannot name, dup-heavy compound assignments on wide values, assert,
 * super calls, lambdas and method references next to awaits.
 */
public class TrickyShapes extends TrickyBase {
    private long wideField = 5;
    private int[] counters = new int[3];

    TrickyShapes() {
        super("tricky");
    }

    /**
     * StringBuilder and StringBuffer merge to java.lang.AbstractStringBuilder, a class user code may not
     * reference: a restore that casts to the merged type would fail with IllegalAccessError (the weaver
     * casts to the nearest accessible superclass instead).
     */
    @Async
    public static Coroutine<String> mergedTypeIsInaccessible(Src src) {
        boolean flag = await(src.v(true));
        CharSequence cs = flag ? new StringBuilder("builder") : new StringBuffer("buffer");
        await(src.v(3));
        return completed(cs + ":" + cs.length());
    }

    /** The same merged type, but only on the operand stack under an await. */
    @Async
    public static Coroutine<String> mergedTypeOnTheStack(Src src) {
        boolean flag = await(src.v(false));
        String s = (flag ? new StringBuilder("B") : new StringBuffer("F")) + await(src.v("!"));
        return completed(s);
    }

    /** Arrays of the two merge to AbstractStringBuilder[]. */
    @Async
    public static Coroutine<String> mergedArrayTypeIsInaccessible(Src src) {
        boolean flag = await(src.v(true));
        Object[] parts = flag ? new StringBuilder[] {new StringBuilder("b")} : new StringBuffer[] {new StringBuffer("f")};
        await(src.v(0));
        return completed(parts.length + ":" + parts[0]);
    }

    @Async
    public static Coroutine<String> dupHeavyCompoundAssignments(Src src) {
        long[] longs = {10, 20, 30};
        longs[await(src.v(1))] += await(src.v(5L));
        longs[2] *= await(src.v(2L));
        double[] doubles = {0.5};
        doubles[0] -= await(src.v(0.25));
        int[] ints = {0, 0, 0};
        ints[await(src.v(2))]++;
        int post = ints[await(src.v(2))]++;
        int a;
        long b;
        a = ints[0] = await(src.v(7));
        b = longs[0] = await(src.v(8L));
        TrickyShapes t = new TrickyShapes();
        t.wideField += await(src.v(100L));
        long old = t.wideField++;
        t.counters[await(src.v(1))] += await(src.v(4));
        return completed(java.util.Arrays.toString(longs) + java.util.Arrays.toString(doubles) + java.util.Arrays.toString(ints)
                + post + "," + a + "," + b + "," + t.wideField + "," + old + "," + java.util.Arrays.toString(t.counters));
    }

    @Async
    public static Coroutine<String> assertAndLoopConditions(Src src) {
        int n = 0;
        assert await(src.v(true)) : "never";
        while (await(src.v(n)) < 3) {
            n++;
        }
        do {
            n += 10;
        } while (await(src.v(n)) < 40);
        block:
        {
            if (await(src.v(n)) > 0) {
                break block;
            }
            n = -1;
        }
        char c = await(src.v('b'));
        switch (c) {
            case 'a' -> n += 1;
            case 'b' -> n += await(src.v(1000));
            default -> n = 0;
        }
        return completed("n=" + n);
    }

    @Async
    Coroutine<String> superAndThis(Src src) {
        String viaSuper = super.describe(await(src.v("arg")));
        String viaThis = this.describe(await(src.v("arg2")));
        return completed(viaSuper + "|" + viaThis + "|" + name + await(src.v(wideField)));
    }

    @Override
    String describe(String x) {
        return "override(" + x + ")";
    }

    @Async
    public static Coroutine<String> superCalls(Src src) {
        return completed(await(new TrickyShapes().superAndThis(src)));
    }

    @Async
    public static Coroutine<String> lambdasAndMethodReferences(Src src) {
        int captured = await(src.v(20));
        Supplier<String> lazy = () -> "lazy" + captured;
        Function<Src, Coroutine<String>> shape = TrickyShapes::parameters;
        String viaReference = await(shape.apply(src));
        Function<Integer, Integer> twice = x -> x * 2;
        return completed(lazy.get() + "," + viaReference + "," + twice.apply(await(src.v(21))));
    }

    @Async
    static Coroutine<int[]> arrayResult(Src src, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = await(src.v(i * i));
        }
        return completed(out);
    }

    @Async
    static Coroutine<Void> voidResult(Src src, StringBuilder log) {
        log.append(await(src.v("void;")));
        if (log.length() > 100) {
            return null;
        }
        return completed();
    }

    @Async
    public static Coroutine<String> unusualResults(Src src) {
        StringBuilder log = new StringBuilder();
        Void nothing = await(voidResult(src, log));
        int[] squares = await(arrayResult(src, 4));
        return completed(log + "" + nothing + java.util.Arrays.toString(squares));
    }

    @Async
    static Coroutine<String> parametersReassigned(Src src, long wide, int narrow, double d, String s) {
        wide += await(src.v(1L));
        narrow = narrow * await(src.v(2));
        d = d / await(src.v(4.0));
        s = s + await(src.v("!"));
        return completed(wide + "," + narrow + "," + d + "," + s);
    }

    @Async
    public static Coroutine<String> parameters(Src src) {
        return completed(await(parametersReassigned(src, Long.MAX_VALUE - 1, 21, 1.0, "s")));
    }
}
