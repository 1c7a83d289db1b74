package io.jasyncio.samples.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ErrorResponse from the server, with its fields: severity, SQLSTATE code, message, and the optional
 * detail, hint and position. Thrown once the server is ready for the next query, so a connection that
 * reported an ERROR stays usable; after FATAL or PANIC the server has closed it.
 */
public class PgException extends RuntimeException {
    private final Map<Character, String> fields;

    PgException(Map<Character, String> fields) {
        super(describe(fields));
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Reads an ErrorResponse (or NoticeResponse) body: (code byte, C string) pairs up to a 0 byte. */
    static PgException read(Messages.Backend m) {
        Map<Character, String> fields = new LinkedHashMap<>();
        for (int code = m.int8(); code != 0; code = m.int8()) {
            fields.put((char) code, m.cstring());
        }
        return new PgException(fields);
    }

    /** ERROR, FATAL or PANIC, not localized (the 'V' field; servers before 9.6 send only the localized 'S'). */
    public String severity() {
        return fields.getOrDefault('V', fields.get('S'));
    }

    /** The SQLSTATE code, e.g. {@code 42P01} for an undefined table. */
    public String code() {
        return fields.get('C');
    }

    /** The server's primary message. */
    public String serverMessage() {
        return fields.get('M');
    }

    /** The detail, or null. */
    public String detail() {
        return fields.get('D');
    }

    /** The hint, or null. */
    public String hint() {
        return fields.get('H');
    }

    /** The 1-based character position in the query where the error is, or 0. */
    public int position() {
        String p = fields.get('P');
        return p == null ? 0 : Integer.parseInt(p);
    }

    /** Every field by its protocol code ('S', 'V', 'C', 'M', 'D', 'H', 'P', 'W', 't', 'c', 'n', ...). */
    public Map<Character, String> fields() {
        return fields;
    }

    /** FATAL and PANIC end the session: the server closes the connection after sending them. */
    boolean endsSession() {
        String s = severity();
        return "FATAL".equals(s) || "PANIC".equals(s);
    }

    private static String describe(Map<Character, String> f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.getOrDefault('V', f.getOrDefault('S', "ERROR"))).append(' ')
                .append(f.getOrDefault('C', "?????")).append(": ").append(f.getOrDefault('M', "(no message)"));
        if (f.containsKey('D')) {
            sb.append(" — ").append(f.get('D'));
        }
        if (f.containsKey('H')) {
            sb.append(" (hint: ").append(f.get('H')).append(')');
        }
        return sb.toString();
    }
}
