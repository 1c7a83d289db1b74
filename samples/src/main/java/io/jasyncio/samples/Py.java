package io.jasyncio.samples;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders values the way Python's {@code print} shows them ({@code ['a', 'b']}, {@code {'id': 1}},
 * {@code True}, {@code None}), so a sample prints exactly what its seed's Python prints.
 */
public final class Py {
    private Py() {
    }

    /** Python's {@code repr(x)} for the values samples print: strings, numbers, booleans, lists, dicts,
     * exceptions. */
    public static String repr(Object x) {
        if (x == null) {
            return "None";
        }
        if (x instanceof String s) {
            // Python prefers single quotes and switches to double ones when the text holds a single quote.
            return s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' + s + '"' : "'" + s.replace("'", "\\'") + "'";
        }
        if (x instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (x instanceof Throwable t) {
            // Python shows an exception as its constructor call: ValueError('bad')
            return t.getClass().getSimpleName() + "(" + (t.getMessage() == null ? "" : repr(t.getMessage())) + ")";
        }
        if (x instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            for (Object e : c) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(repr(e));
            }
            return sb.append(']').toString();
        }
        if (x instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
            }
            return sb.append('}').toString();
        }
        return String.valueOf(x);
    }

    /** Python's {@code str(x)}: strings as they are, everything else as {@link #repr}. */
    public static String str(Object x) {
        return x instanceof String s ? s : repr(x);
    }

    /** A dict literal that keeps insertion order, as Python's dicts do: {@code dict("id", 1, "delay", 2)}. */
    public static Map<String, Object> dict(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
