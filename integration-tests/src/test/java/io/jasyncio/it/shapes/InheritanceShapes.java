package io.jasyncio.it.shapes;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

import io.jasyncio.Async;
import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;

/**
 * @Async methods across a class hierarchy: overrides calling {@code super}'s @Async version, static and
 * private interface methods, a generic owner, and awaits whose failure comes from the await itself.
 */
public final class InheritanceShapes {
    private InheritanceShapes() {
    }

    static class Animal {
        final String name;

        Animal(String name) {
            this.name = name;
        }

        @Async
        Coroutine<String> speak(Src src) {
            return completed(name + " makes " + await(src.v("a sound")));
        }
    }

    static class Dog extends Animal {
        Dog() {
            super("dog");
        }

        @Async
        @Override
        Coroutine<String> speak(Src src) {
            return completed(await(super.speak(src)) + ", then " + await(src.v("barks")));
        }
    }

    static final class Puppy extends Dog {
        @Async
        @Override
        Coroutine<String> speak(Src src) {
            String parent = await(super.speak(src));
            return completed(parent.length() + ":" + parent);
        }
    }

    interface Registry {
        @Async
        static Coroutine<String> lookup(Src src, String key) {
            return completed(await(normalize(src, key)) + "=" + await(src.v(key.length())));
        }

        @Async
        private static Coroutine<String> normalize(Src src, String key) {
            return completed(await(src.v(key)).toLowerCase());
        }

        String prefix();

        @Async
        default Coroutine<String> describe(Src src) {
            return completed(prefix() + await(privateHelper(src)));
        }

        @Async
        private Coroutine<String> privateHelper(Src src) {
            return completed(":" + await(src.v(prefix().length())));
        }
    }

    static final class Holder<T extends CharSequence> {
        private final T value;

        Holder(T value) {
            this.value = value;
        }

        @Async
        Coroutine<T> echo(Src src) {
            T v = await(src.v(value));
            return completed(v.length() > 0 ? v : value);
        }

        @Async
        <R> Coroutine<R> map(Src src, java.util.function.Function<T, R> f) {
            return completed(f.apply(await(echo(src))));
        }
    }

    @Async
    public static Coroutine<String> superCallsOfAsyncMethods(Src src) {
        StringBuilder sb = new StringBuilder();
        for (Animal a : new Animal[] {new Animal("cat"), new Dog(), new Puppy()}) {
            sb.append(await(a.speak(src))).append(';');
        }
        return completed(sb.toString());
    }

    @Async
    public static Coroutine<String> interfaceStaticPrivateAndDefault(Src src) {
        Registry r = () -> "reg";
        return completed(await(Registry.lookup(src, "KEY")) + "," + await(r.describe(src)));
    }

    @Async
    public static Coroutine<String> genericOwner(Src src) {
        Holder<String> h = new Holder<>("text");
        Holder<StringBuilder> b = new Holder<>(new StringBuilder("sb"));
        Integer len = await(h.map(src, String::length));
        return completed(await(h.echo(src)) + "," + await(b.echo(src)).reverse() + "," + len);
    }

    @Async
    public static Coroutine<String> failuresFromTheAwaitItself(Src src) {
        StringBuilder sb = new StringBuilder();
        try {
            Awaitable<String> nothing = null;
            sb.append(await(nothing));
        } catch (NullPointerException e) {
            sb.append("npe;");
        }
        try {
            sb.append(await(src.v((String) null)).length());
        } catch (NullPointerException e) {
            sb.append("npe after resume;");
        }
        return completed(sb.append(await(twice(src))).toString());
    }

    @Async
    static Coroutine<Integer> twice(Src src) {
        return completed(2 * await(src.v(21)));
    }

    @Async
    public static Coroutine<String> stringSwitchWithHashCollisions(Src src) {
        StringBuilder sb = new StringBuilder();
        for (String s : new String[] {"Aa", "BB", "AaAa", "BBBB", "AaBB", "C"}) {
            switch (await(src.v(s))) {
                case "Aa" -> sb.append(1 + await(src.v(0)));
                case "BB" -> sb.append(2);
                case "AaAa", "BBBB" -> sb.append(await(src.v(34)));
                case "AaBB" -> {
                    int k = await(src.v(5));
                    sb.append(k);
                }
                default -> sb.append('-');
            }
        }
        return completed(sb.toString());
    }
}
