package io.jasyncio.transformer;

import java.util.List;

/** Weaving a class failed: misuse of await/@Async, or a class file that cannot be read or verified. */
public class WeaveException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public WeaveException(List<Diagnostic> diagnostics) {
        super(format(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public WeaveException(Diagnostic diagnostic, Throwable cause) {
        super(diagnostic.toString(), cause);
        this.diagnostics = List.of(diagnostic);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String format(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            if (sb.length() > 0) {
                sb.append(System.lineSeparator());
            }
            sb.append(d);
        }
        return sb.toString();
    }
}
