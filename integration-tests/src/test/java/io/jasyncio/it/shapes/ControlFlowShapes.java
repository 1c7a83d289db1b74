package io.jasyncio.it.shapes;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Awaits in every kind of loop, switch and try statement, with locals whose type depends on the branch
 * and locals still unassigned at the suspension.
 */
public final class ControlFlowShapes {
    private ControlFlowShapes() {
    }

    enum Color { RED, GREEN, BLUE }

    @Async
    public static Coroutine<String> allLoopKinds(Src src) {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < await(src.v(3)); i++) {
            log.append(await(src.v(i))).append(',');
        }
        for (long x : new long[] {await(src.v(10L)), 20L}) {
            log.append(x + await(src.v(1L))).append(',');
        }
        for (String s : List.of("a", await(src.v("b")))) {
            log.append(await(src.v(s + s))).append(',');
        }
        Map<String, Integer> m = new TreeMap<>(Map.of("k1", 1, "k2", 2));
        for (Map.Entry<String, Integer> e : m.entrySet()) {
            log.append(e.getKey()).append('=').append(e.getValue() * await(src.v(10))).append(',');
        }
        int w = 0;
        while (w < await(src.v(2))) {
            w++;
            log.append("w").append(await(src.v(w)));
        }
        int d = 5;
        do {
            d -= await(src.v(2));
        } while (d > await(src.v(0)));
        outer:
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                if (j == await(src.v(2))) {
                    continue outer;
                }
                if (i == await(src.v(3))) {
                    break outer;
                }
                log.append(i).append(j).append(' ');
            }
        }
        return completed(log + "|" + w + "|" + d);
    }

    @Async
    public static Coroutine<String> switchesOnIntStringAndEnum(Src src) {
        StringBuilder log = new StringBuilder();
        for (int k = 0; k < 4; k++) {
            switch (await(src.v(k))) {
                case 0:
                    log.append("zero").append(await(src.v(0)));
                    // fall through
                case 1:
                    log.append("one");
                    break;
                case 3:
                    log.append("three").append(await(src.v(3L)));
                    break;
                default:
                    log.append("other");
            }
            log.append(',');
        }
        for (String s : new String[] {"alpha", "beta", "gamma"}) {
            switch (await(src.v(s))) {
                case "alpha" -> log.append(await(src.v("A")));
                case "beta" -> {
                    String t = await(src.v("B"));
                    log.append(t).append(t);
                }
                default -> log.append('?');
            }
        }
        for (Color c : Color.values()) {
            int code = switch (await(src.v(c))) {
                case RED -> await(src.v(1));
                case GREEN -> {
                    int g = await(src.v(2));
                    yield g * 10;
                }
                case BLUE -> 3;
            };
            log.append(code).append(';');
        }
        String size = switch (await(src.v(7)) % 3) {
            case 0 -> "small";
            case 1 -> "medium" + await(src.v("!"));
            default -> "large";
        };
        return completed(log + size);
    }

    @Async
    public static Coroutine<String> tryCatchFinallyWithAwaitsEverywhere(Src src) {
        StringBuilder log = new StringBuilder();
        try {
            log.append(await(src.v("try;")));
            int x = await(src.<Integer>fail(new IllegalStateException("boom")));
            log.append("unreachable").append(x);
        } catch (IllegalStateException e) {
            log.append(await(src.v("catch " + e.getMessage() + ";")));
        } finally {
            log.append(await(src.v("finally;")));
        }
        try {
            try {
                log.append(await(src.v(1)));
                throw new IllegalArgumentException("inner");
            } finally {
                log.append("inner-finally").append(await(src.v(2)));
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            log.append(";outer-catch ").append(e.getMessage()).append(await(src.v(3)));
        }
        return completed(log.toString());
    }

    @Async
    public static Coroutine<String> returnsAndBreaksThroughFinally(Src src) {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            try {
                if (i == await(src.v(1))) {
                    continue;
                }
                if (i == 2) {
                    break;
                }
                log.append("body").append(i);
            } finally {
                log.append("[f").append(await(src.v(i))).append(']');
            }
        }
        return completed(log + "|" + await(earlyReturn(src, log)));
    }

    @Async
    static Coroutine<String> earlyReturn(Src src, StringBuilder log) {
        try {
            return completed("returned" + await(src.v(1)));
        } finally {
            log.append("finally-after-return").append(await(src.v(2)));
        }
    }

    @Async
    public static Coroutine<String> failuresRethrownUnwrappedInTheUsersTry(Src src) {
        StringBuilder log = new StringBuilder();
        RuntimeException original = new UnsupportedOperationException("original");
        try {
            await(src.fail(original));
        } catch (UnsupportedOperationException e) {
            log.append(e == original).append(',').append(e.getCause() == null);
        }
        try {
            log.append(await(failing(src)));
        } catch (ArithmeticException e) {
            log.append(",child:").append(e.getMessage());
        }
        try {
            log.append(await(src.v(1)) / (await(src.v(0))));
        } catch (ArithmeticException e) {
            log.append(",div:").append(e.getMessage());
        }
        return completed(log.toString());
    }

    @Async
    static Coroutine<Integer> failing(Src src) {
        int x = await(src.v(1));
        if (x == 1) {
            throw new ArithmeticException("from child");
        }
        return completed(x);
    }

    @Async
    public static Coroutine<String> tryWithResources(Src src) {
        StringBuilder log = new StringBuilder();
        try (Res a = new Res(log, await(src.v("a"))); Res b = new Res(log, "b" + await(src.v(2)))) {
            log.append("body").append(await(src.v(1))).append(';');
        }
        try (Res c = new Res(log, "c")) {
            log.append(await(src.v("throwing;")));
            throw new IllegalStateException("in body");
        } catch (IllegalStateException e) {
            log.append("caught ").append(e.getMessage()).append(await(src.v(";")));
        }
        return completed(log.toString());
    }

    static final class Res implements AutoCloseable {
        private final StringBuilder log;
        private final String name;

        Res(StringBuilder log, String name) {
            this.log = log;
            this.name = name;
            log.append("open ").append(name).append(';');
        }

        @Override
        public void close() {
            log.append("close ").append(name).append(';');
        }
    }

    @Async
    public static Coroutine<String> localsTypedDifferentlyPerBranch(Src src) {
        StringBuilder log = new StringBuilder();
        for (int k = 0; k < 3; k++) {
            if (k == 0) {
                long a = await(src.v(1L << 33));
                double b = await(src.v(0.5)) + a;
                log.append(a).append(b);
            } else if (k == 1) {
                String a = await(src.v("s"));
                int b = await(src.v(2));
                log.append(a).append(b);
            } else {
                Object a = null;
                float b = await(src.v(1.5f));
                log.append(a).append(b);
            }
            log.append(';');
        }
        return completed(log.toString());
    }

    @Async
    public static Coroutine<String> definitelyUnassignedLocals(Src src) {
        int x;
        long y;
        String z;
        double unused;
        int before = await(src.v(1));   // x, y, z are unassigned here
        if (before > 0) {
            x = await(src.v(2));
            y = x + await(src.v(3L));
        } else {
            x = 0;
            y = 0;
        }
        z = "z" + await(src.v(y));
        String late;
        await(src.v("pause"));
        late = z + x;
        return completed(late + y);
    }
}
