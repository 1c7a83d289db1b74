package io.jasyncio.it.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated program: one class of static {@code @Async} methods, the last of which ({@code run}) is the
 * entry point. It prints as woven-to-be Java; {@link #syncTwin} derives the reference version from the
 * same text, so both are written once.
 */
final class Program {
    static final String PACKAGE = "fuzz";
    /** The entry point's parameters after {@code src} and {@code log}, and the arguments every run passes. */
    static final String ENTRY_PARAMS = "int p0, long p1, double p2, String p3, boolean p4";
    static final Object[] ENTRY_ARGS = {7, 1234567890123L, 0.5, "arg", true};

    /** One method: its header as declared in the async program, and its body. */
    record Method(String header, Node body) {
    }

    final String className;
    final List<Method> methods;

    Program(String className, List<Method> methods) {
        this.className = className;
        this.methods = List.copyOf(methods);
    }

    Program withBody(int method, Node body) {
        List<Method> copy = new ArrayList<>(methods);
        copy.set(method, new Method(methods.get(method).header(), body));
        return new Program(className, copy);
    }

    /** This program without method {@code index} (the shrinker tries it; it compiles only if unused). */
    Program without(int index) {
        List<Method> copy = new ArrayList<>(methods);
        copy.remove(index);
        return new Program(className, copy);
    }

    String binaryName() {
        return PACKAGE + "." + className;
    }

    int size() {
        return methods.stream().mapToInt(m -> m.body().size()).sum();
    }

    /** The program as it is woven: {@code @Async} methods returning coroutines, awaiting an {@link AsyncSrc}. */
    String source() {
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(PACKAGE).append(";\n\n")
          .append("import io.jasyncio.*;\n")
          .append("import io.jasyncio.it.fuzz.*;\n")
          .append("import static io.jasyncio.Asyncio.*;\n\n")
          .append("public final class ").append(className).append(" {\n");
        for (Method m : methods) {
            sb.append("    ").append(m.header()).append(' ');
            m.body().print(sb, "    ");
            sb.append("\n\n");
        }
        return sb.append("}\n").toString();
    }

    private static final Pattern CLASS = Pattern.compile("public final class (\\w+) \\{");
    private static final Pattern COROUTINE = Pattern.compile("Coroutine<(\\w+)>");

    /** The class name of the reference twin of a program class. */
    static String syncName(String className) {
        return className + "Sync";
    }

    /**
     * The reference twin of a program's source: the same body text, run synchronously. {@code await(x)}
     * and {@code completed(x)} become identity methods of the class (which shadow the static imports),
     * coroutine return types become their value types, the source hands out values, not awaitables, and
     * the "async with" resource {@code FuzzLib.ARes} becomes {@code FuzzLib.SyncARes} (which closes with a
     * plain {@code close()}).
     */
    static String syncTwin(String asyncSource) {
        Matcher m = CLASS.matcher(asyncSource);
        if (!m.find()) {
            throw new IllegalArgumentException("not a fuzz program: no 'public final class' line");
        }
        String head = "public final class " + syncName(m.group(1)) + " {\n"
                + "    static <T> T await(T value) { return value; }\n"
                + "    static <T> T await(Deferred<T> value) { return value.get(); }\n"
                + "    static <T> T completed(T value) { return value; }\n";
        String s = asyncSource.substring(0, m.start()) + head + asyncSource.substring(m.end() + 1);
        s = s.replace("@Async ", "").replace("AsyncSrc", "SyncSrc").replace("Awaitable<", "Deferred<")
                .replace("FuzzLib.ARes", "FuzzLib.SyncARes");
        return COROUTINE.matcher(s).replaceAll("$1");
    }

    /** The class name declared in a program's source. */
    static String classNameOf(String source) {
        Matcher m = CLASS.matcher(source);
        if (!m.find()) {
            throw new IllegalArgumentException("not a fuzz program: no 'public final class' line");
        }
        return m.group(1);
    }
}
