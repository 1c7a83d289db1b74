package io.jasyncio.it.shapes;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

import io.jasyncio.Async;
import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;
import java.util.Arrays;

/**
 * Awaits inside expressions whose other operands are already on the operand stack when the method
 * suspends: every primitive type (long and double take two slots), null constants, array references and
 * indexes, receivers of calls, string concatenation, ternaries and short-circuit conditions.
 */
public final class ExpressionShapes {
    private ExpressionShapes() {
    }

    @Async
    public static Coroutine<String> everyPrimitiveOnTheStack(Src src) {
        int i = 40 + await(src.v(2));
        long l = 1L << 40;
        l = l + await(src.v(5L)) * i;
        double d = 0.25 * i + await(src.v(1.5)) - l;
        float f = 2.5f * await(src.v(4f));
        char c = (char) ('a' + await(src.v('b')) - 'a' + 1);
        byte b = (byte) (100 + await(src.v((byte) 27)));
        short s = (short) (i * await(src.v((short) 1000)));
        boolean z = i > 41 && await(src.v(true));
        long mixed = i + l + (long) d + await(src.v(3)) + b + s + c;
        return completed(i + "," + l + "," + d + "," + f + "," + c + "," + b + "," + s + "," + z + "," + mixed);
    }

    @Async
    public static Coroutine<String> wideValuesUnderAnAwait(Src src) {
        long a = 0x1234_5678_9ABCL;
        double x = Math.PI;
        // a long and a double sit under the await on the stack
        double r = a * x + (await(src.v(7L)) + await(src.v(0.5)));
        long m = a - await(src.v(-3L)) * (a + await(src.v(Long.MIN_VALUE)));
        return completed(r + "," + m);
    }

    private static String join(Object a, Object b, Object c) {
        return a + "|" + b + "|" + c;
    }

    @Async
    public static Coroutine<String> nullConstantsUnderAnAwait(Src src) {
        String s = join(null, await(src.v("x")), null);
        Object o = null;
        String t = join(o, null, await(src.v((Object) null)));
        String u = await(src.v((String) null)) + "/" + null;
        return completed(s + ";" + t + ";" + u);
    }

    @Async
    public static Coroutine<String> arrays(Src src) {
        int[] a = {await(src.v(1)), 2, await(src.v(3))};
        a[await(src.v(1))] = await(src.v(20));
        a[0] += await(src.v(100));
        long[][] grid = new long[await(src.v(2))][await(src.v(3))];
        grid[1][await(src.v(2))] = await(src.v(9L)) + a[2];
        String[] names = new String[] {"a", await(src.v("b")), null};
        Object[] objects = {names, await(src.v(a)), null};
        return completed(Arrays.toString(a) + Arrays.deepToString(grid) + Arrays.toString(names) + objects.length
                + (objects[1] == a));
    }

    @Async
    public static Coroutine<String> stringConcatenation(Src src) {
        int n = 3;
        String s = "a" + n + await(src.v("b")) + 'c' + await(src.v(2L)) + 1.5 + await(src.v('d')) + null + await(src.v(false));
        s += await(src.v("!")) + n;
        return completed(s);
    }

    @Async
    public static Coroutine<String> receiversAndArguments(Src src) {
        StringBuilder sb = new StringBuilder("x");
        sb.append(await(src.v(1))).append('-').append(await(src.v("two"))).insert(0, await(src.v(3L)));
        int max = Math.max(sb.length(), await(src.v(4)));
        String v = String.format("%s:%d:%.2f", sb, await(src.v(5)), await(src.v(2.0)));
        return completed(sb + "," + max + "," + v + "," + await(src.v("abc")).substring(await(src.v(1))));
    }

    @Async
    public static Coroutine<String> ternariesAndShortCircuits(Src src) {
        int x = 5;
        int a = x > 3 && await(src.v(true)) ? await(src.v(1)) : await(src.v(2));
        int b = x < 3 && await(src.v(true)) ? 10 : x > 4 || await(src.v(false)) ? 20 : 30;
        boolean c = await(src.v(false)) || !await(src.v(false)) && (await(src.v(x)) == 5);
        long d = (await(src.v(true)) ? 7L : await(src.v(8L))) + (x == 5 ? await(src.v(0.5)) : 1.0) > 7 ? 1L : 0L;
        String e = await(src.v((String) null)) == null ? "null" : "set";
        return completed(a + "," + b + "," + c + "," + d + "," + e);
    }

    @Async
    public static Coroutine<String> nestedAwaits(Src src) {
        int a = await(src.v(await(src.v(await(src.v(3)) + 1)) * 2));
        Awaitable<String> inner = src.v("deep");
        String b = await(src.v(await(inner) + await(src.v(a))));
        return completed(b);
    }

    /** Awaitables created before any is awaited: under REVERSED the later ones complete first. */
    @Async
    public static Coroutine<String> awaitedInAnotherOrderThanCreated(Src src) {
        Awaitable<Integer> first = src.v(1);
        Awaitable<Long> second = src.v(20L);
        Awaitable<String> third = src.v("3");
        String s = await(third) + await(second) + await(first);
        long sum = await(src.v(100L)) + s.length();
        return completed(s + "/" + sum);
    }

    private static int counter;

    @Async
    public static Coroutine<String> fieldsAndCompoundAssignments(Src src) {
        counter = 1;
        counter += await(src.v(41));
        int local = 2;
        local *= await(src.v(21));
        local <<= await(src.v(1));
        long acc = 10;
        acc -= await(src.v(3)) + acc;
        double q = 9;
        q /= await(src.v(2.0f));
        return completed(counter + "," + local + "," + acc + "," + q);
    }

    @Async
    public static Coroutine<String> castsAndInstanceof(Src src) {
        Object o = await(src.v((Object) "text"));
        String r = o instanceof String s && s.length() == await(src.v(4)) ? s.toUpperCase() : "no";
        Number n = await(src.v((Number) 3.75));
        int i = (int) (double) (Double) n + (int) (double) await(src.v(2.9));
        return completed(r + "," + i + "," + ((CharSequence) await(src.v((Object) "cs"))).length());
    }
}
