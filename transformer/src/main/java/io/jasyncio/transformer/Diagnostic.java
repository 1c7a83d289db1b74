package io.jasyncio.transformer;

/**
 * A weaving error or warning, naming the place: {@code a/b/Foo.java:42: in a.b.Foo.bar(): message}.
 *
 * @param className  the binary name of the class ({@code a.b.Foo})
 * @param method     the method name, or null for class-level problems
 * @param sourceFile the source path derived from the package and SourceFile attribute ({@code a/b/Foo.java}),
 *                   or the class file name when unknown
 * @param line       the source line, or -1 when unknown
 * @param message    what is wrong and how to fix it
 */
public record Diagnostic(String className, String method, String sourceFile, int line, String message) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(sourceFile);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": in ").append(className);
        if (method != null) {
            sb.append('.').append(method).append("()");
        }
        return sb.append(": ").append(message).toString();
    }
}
