package io.jasyncio.maven.check;

import java.util.Locale;

/** How a rule's findings are treated: ignored, logged, or logged and failing the build. */
public enum Severity {
    OFF, WARNING, ERROR;

    /** Parses {@code off}, {@code warning} or {@code error} (any case); {@code where} names the setting in the error. */
    public static Severity parse(String value, String where) {
        if (value != null) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "off":
                    return OFF;
                case "warning":
                case "warn":
                    return WARNING;
                case "error":
                    return ERROR;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(where + ": unknown severity '" + value + "' (use off, warning or error)");
    }
}
