package io.jasyncio.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The agent {@link Main} loads into the target JVM: it asks every jasyncio runtime loaded there for
 * its task dump and writes the rendering to the file the command named. It finds the runtime through
 * the JVM's loaded classes, so it works whatever class loader the application put jasyncio in, and it
 * costs the target nothing until someone attaches.
 */
public final class DumpAgent {
    static final String DUMP_CLASS = "io.jasyncio.TaskDump";

    private DumpAgent() {
    }

    /** {@code args} is {@code <ps|pstree>:<output file>}. */
    public static void agentmain(String args, Instrumentation inst) throws IOException {
        int colon = args.indexOf(':');
        String mode = args.substring(0, colon);
        Path out = Path.of(args.substring(colon + 1));
        String text;
        try {
            text = render(mode, inst);
        } catch (Throwable t) {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            text = "ERROR: the task dump failed in the target JVM: " + w;
        }
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    private static String render(String mode, Instrumentation inst) throws ReflectiveOperationException {
        StringBuilder sb = new StringBuilder();
        int runtimes = 0;
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (!c.getName().equals(DUMP_CLASS)) {
                continue;
            }
            runtimes++;
            Object dump = c.getMethod("allLoops").invoke(null);
            Method render = c.getMethod(mode.equals("ps") ? "ps" : "pstree");
            sb.append((String) render.invoke(dump));
        }
        if (runtimes == 0) {
            return "";   // no event loop was ever created in this JVM: nothing to show
        }
        return sb.toString();
    }
}
