package io.jasyncio.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One result of a scale run, printed as a JSON object on one line (JSON Lines), the format that
 * bench/report.py reads alongside JMH's JSON.
 */
final class ResultLine {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    ResultLine(String workload, String impl) {
        fields.put("workload", workload);
        fields.put("impl", impl);
        fields.put("jdk", Runtime.version().toString());
    }

    ResultLine put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    void print() {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"').append(e.getKey()).append("\": ");
            Object v = e.getValue();
            if (v instanceof Double d) {
                sb.append(String.format(Locale.ROOT, "%.3f", d));
            } else if (v instanceof Number || v instanceof Boolean) {
                sb.append(v);
            } else {
                sb.append('"').append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        System.out.println(sb.append('}'));
        System.out.flush();
    }
}
