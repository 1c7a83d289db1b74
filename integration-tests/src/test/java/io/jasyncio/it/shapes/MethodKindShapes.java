package io.jasyncio.it.shapes;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import java.util.ArrayList;
import java.util.List;

/**
 * Every kind of method that can be {@code @Async}: static, instance, private, generic, varargs,
 * overloaded, recursive, interface default; declared in inner, local and anonymous classes, enums and
 * records. Each public entry awaits the others as child coroutines.
 */
public final class MethodKindShapes {
    private final String name;
    private int calls;

    private MethodKindShapes(String name) {
        this.name = name;
    }

    // ---------------------------------------------------------------- plain kinds

    @Async
    Coroutine<String> instance(Src src, int n) {
        calls += await(src.v(n));
        return completed(name + calls);
    }

    @Async
    private static Coroutine<Long> privateStatic(Src src, long a) {
        return completed(a * await(src.v(3L)));
    }

    @Async
    private Coroutine<String> privateInstance(Src src) {
        return completed(await(instance(src, 10)) + "+" + await(privateStatic(src, calls)));
    }

    @Async
    static <T extends Comparable<T>> Coroutine<T> max(Src src, T a, T b) {
        T x = await(src.v(a));
        T y = await(src.v(b));
        return completed(x.compareTo(y) >= 0 ? x : y);
    }

    @Async
    static Coroutine<Long> sum(Src src, int... values) {
        long s = 0;
        for (int v : values) {
            s += await(src.v(v));
        }
        return completed(s);
    }

    @Async
    static Coroutine<String> over(Src src, int x) {
        return completed("int:" + await(src.v(x)));
    }

    @Async
    static Coroutine<String> over(Src src, String x) {
        return completed("String:" + await(src.v(x)));
    }

    @Async
    static Coroutine<String> over(Src src, long a, double b) {
        return completed("long,double:" + (await(src.v(a)) + b));
    }

    @Async
    static Coroutine<Long> fibonacci(Src src, int n) {
        if (n < 2) {
            return completed((long) await(src.v(n)));
        }
        return completed(await(fibonacci(src, n - 1)) + await(fibonacci(src, n - 2)));
    }

    /** {@code return other(x);}: returning a coroutine completes with its result. */
    @Async
    static Coroutine<Long> tailCall(Src src, int n) {
        await(src.v(n));
        return n == 0 ? completed(0L) : sum(src, n, n);
    }

    @Async
    public static Coroutine<String> plainKinds(Src src) {
        MethodKindShapes m = new MethodKindShapes("m");
        String a = await(m.instance(src, 1)) + "," + await(m.privateInstance(src));
        String b = await(max(src, "pear", "apple")) + "," + await(max(src, 3, 7));
        long c = await(sum(src)) + await(sum(src, 1, 2, 3)) * 10;
        String d = await(over(src, 1)) + "," + await(over(src, "s")) + "," + await(over(src, 2L, 0.5));
        return completed(a + ";" + b + ";" + c + ";" + d + ";" + await(fibonacci(src, 10)) + ";" + await(tailCall(src, 4)));
    }

    // ---------------------------------------------------------------- nested declarations

    interface Greeter {
        String who();

        @Async
        default Coroutine<String> greet(Src src) {
            return completed(await(src.v("hello ")) + who());
        }
    }

    final class Inner implements Greeter {
        @Override
        public String who() {
            return name + "'s inner";
        }

        @Async
        Coroutine<String> touchOuter(Src src) {
            calls += await(src.v(100));
            return completed(name + calls);
        }
    }

    enum Op {
        ADD {
            @Async
            @Override
            Coroutine<Integer> apply(Src src, int a, int b) {
                return completed(a + await(src.v(b)));
            }
        },
        MUL {
            @Async
            @Override
            Coroutine<Integer> apply(Src src, int a, int b) {
                return completed(await(src.v(a)) * b);
            }
        };

        abstract Coroutine<Integer> apply(Src src, int a, int b);

        @Async
        Coroutine<String> describe(Src src) {
            return completed(name() + await(apply(src, 6, 7)));
        }
    }

    record Account(String owner, long balance) {
        @Async
        Coroutine<Account> deposit(Src src, long amount) {
            return completed(new Account(owner, balance + await(src.v(amount))));
        }

        @Async
        static Coroutine<Account> open(Src src, String owner) {
            return completed(new Account(await(src.v(owner)), 0));
        }
    }

    @Async
    public static Coroutine<String> nestedKinds(Src src) {
        MethodKindShapes outer = new MethodKindShapes("o");
        Inner inner = outer.new Inner();
        String a = await(inner.greet(src)) + "," + await(inner.touchOuter(src));

        class Local {
            final int base;

            Local(int base) {
                this.base = base;
            }

            @Async
            Coroutine<Integer> plus(Src s, int x) {
                return completed(base + await(s.v(x)));
            }
        }
        int b = await(new Local(5).plus(src, 6));

        Greeter anonymous = new Greeter() {
            @Override
            public String who() {
                return "anonymous";
            }

            @Async
            @Override
            public Coroutine<String> greet(Src s) {
                return completed("hi " + await(s.v(who())));
            }
        };
        String c = await(anonymous.greet(src));

        List<String> ops = new ArrayList<>();
        for (Op op : Op.values()) {
            ops.add(await(op.describe(src)));
        }
        Account acct = await(await(Account.open(src, "ann")).deposit(src, 25));
        return completed(a + ";" + b + ";" + c + ";" + ops + ";" + acct);
    }
}
