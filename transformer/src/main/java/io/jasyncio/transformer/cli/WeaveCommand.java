package io.jasyncio.transformer.cli;

import io.jasyncio.transformer.ClasspathHierarchy;
import io.jasyncio.transformer.Diagnostic;
import io.jasyncio.transformer.DirectoryWeaver;
import io.jasyncio.transformer.WeaveException;
import io.jasyncio.transformer.WeaveResult;
import io.jasyncio.transformer.Weaver;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The command-line weaver: {@code java -jar jasyncio-transformer.jar [--classpath p1:p2] <classes-dir-or-jar>...}
 * weaves in place. Exit status 0 when woven, 1 when a class has errors (printed as file:line), 2 on a
 * usage error.
 */
public final class WeaveCommand {
    static final String USAGE = "usage: java -jar jasyncio-transformer.jar [--classpath <path" + File.pathSeparator
            + "path...>] <classes-dir-or-jar>...";

    private WeaveCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> classpath = new ArrayList<>();
        List<Path> targets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--classpath") || a.equals("-cp")) {
                if (i + 1 == args.length) {
                    err.println("jasyncio-weave: " + a + " needs a value");
                    err.println(USAGE);
                    return 2;
                }
                for (String p : args[++i].split(File.pathSeparator)) {
                    if (!p.isEmpty()) {
                        classpath.add(Path.of(p));
                    }
                }
            } else if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else if (a.startsWith("-")) {
                err.println("jasyncio-weave: unknown option " + a);
                err.println(USAGE);
                return 2;
            } else {
                targets.add(Path.of(a));
            }
        }
        if (targets.isEmpty()) {
            err.println("jasyncio-weave: nothing to weave");
            err.println(USAGE);
            return 2;
        }
        for (Path t : targets) {
            if (!Files.isDirectory(t) && !Files.isRegularFile(t)) {
                err.println("jasyncio-weave: " + t + ": no such directory or jar");
                return 2;
            }
        }
        List<Path> all = new ArrayList<>(targets);
        all.addAll(classpath);
        List<Diagnostic> problems = new ArrayList<>();
        try (ClasspathHierarchy hierarchy = new ClasspathHierarchy(all)) {
            for (Path t : targets) {
                try {
                    if (Files.isDirectory(t)) {
                        DirectoryWeaver.Report r = new DirectoryWeaver(hierarchy).weave(t);
                        out.println(t + ": woven " + r.wovenClasses().size() + " classes, " + r.unchanged() + " unchanged");
                    } else {
                        int n = weaveJar(t, new Weaver(hierarchy));
                        out.println(t + ": woven " + n + " classes");
                    }
                } catch (WeaveException e) {
                    problems.addAll(e.diagnostics());
                }
            }
        } catch (IOException e) {
            err.println("jasyncio-weave: " + e);
            return 1;
        }
        for (Diagnostic d : problems) {
            err.println(d);
        }
        return problems.isEmpty() ? 0 : 1;
    }

    /** Rewrites a jar: entries keep their order, frame classes follow their owner. Nothing changes on error. */
    static int weaveJar(Path jar, Weaver weaver) throws IOException, WeaveException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Manifest manifest;
        try (InputStream in = Files.newInputStream(jar); JarInputStream jin = new JarInputStream(in, false)) {
            manifest = jin.getManifest();
            for (JarEntry e; (e = jin.getNextJarEntry()) != null; ) {
                entries.put(e.getName(), e.isDirectory() ? null : jin.readAllBytes());
            }
        }
        Map<String, byte[]> result = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        int woven = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            byte[] bytes = e.getValue();
            if (bytes != null && e.getKey().endsWith(".class") && !e.getKey().startsWith("META-INF/")) {
                try {
                    WeaveResult r = weaver.weave(bytes);
                    result.put(e.getKey(), r.bytes());
                    if (r.changed()) {
                        woven++;
                        for (Map.Entry<String, byte[]> g : r.generatedClasses().entrySet()) {
                            result.put(g.getKey() + ".class", g.getValue());
                        }
                    }
                    continue;
                } catch (WeaveException ex) {
                    problems.addAll(ex.diagnostics());
                }
            }
            result.put(e.getKey(), bytes);
        }
        if (!problems.isEmpty()) {
            throw new WeaveException(problems);
        }
        if (woven == 0) {
            return 0;
        }
        Path tmp = Files.createTempFile(jar.toAbsolutePath().getParent(), jar.getFileName().toString(), ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp);
             JarOutputStream jout = manifest != null ? new JarOutputStream(os, manifest) : new JarOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : result.entrySet()) {
                JarEntry je = new JarEntry(e.getKey());
                je.setTime(0);   // deterministic output
                jout.putNextEntry(je);
                if (e.getValue() != null) {
                    jout.write(e.getValue());
                }
                jout.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        return woven;
    }
}
