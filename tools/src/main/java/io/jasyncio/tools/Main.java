package io.jasyncio.tools;

import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * {@code java -jar jasyncio-tools.jar ps|pstree <pid>}: Python 3.14's {@code python -m asyncio ps}
 * and {@code pstree} for a running JVM. It attaches with the Attach API and loads {@link DumpAgent}
 * (this same jar) into the target, which writes every event loop's task dump to a temporary file.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status (0 ok, 1 attach or dump failed, 2 usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !(args[0].equals("ps") || args[0].equals("pstree")) || !args[1].matches("\\d+")) {
            err.println("usage: java -jar jasyncio-tools.jar ps|pstree <pid>");
            err.println("  ps      one row per task and awaiter: task, coroutine stack, who awaits it");
            err.println("  pstree  the await tree: tasks, the frames they are suspended in, the tasks they await");
            return 2;
        }
        try {
            out.print(dump(args[0], args[1]));
            out.flush();
            return 0;
        } catch (Exception e) {
            err.println("jasyncio-tools: cannot dump the tasks of JVM " + args[1] + ": " + e);
            if (e instanceof AgentLoadException || e.getCause() instanceof AgentLoadException) {
                err.println("  (the target must run on a JDK that allows attaching, as the same user)");
            }
            return 1;
        }
    }

    /** The rendering of every loop in JVM {@code pid}: "ps" or "pstree". */
    public static String dump(String mode, String pid) throws Exception {
        Path result = Files.createTempFile("jasyncio-" + mode + "-", ".txt");
        Path agent = agentJar();
        VirtualMachine vm = VirtualMachine.attach(pid);
        try {
            vm.loadAgent(agent.toString(), mode + ":" + result);   // returns once agentmain has written the file
            return Files.readString(result, StandardCharsets.UTF_8);
        } finally {
            vm.detach();
            Files.deleteIfExists(result);
            if (!agent.equals(ownLocation())) {
                Files.deleteIfExists(agent);
            }
        }
    }

    /** This jar; or, run from a classes directory (tests, an IDE), a temporary agent jar made from it. */
    static Path agentJar() throws IOException, URISyntaxException {
        Path self = ownLocation();
        if (Files.isRegularFile(self)) {
            return self;
        }
        Path jar = Files.createTempFile("jasyncio-agent-", ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Agent-Class", DumpAgent.class.getName());
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os, manifest)) {
            String entry = DumpAgent.class.getName().replace('.', '/') + ".class";
            jos.putNextEntry(new JarEntry(entry));
            jos.write(Files.readAllBytes(self.resolve(entry)));
            jos.closeEntry();
        }
        return jar;
    }

    private static Path ownLocation() throws URISyntaxException {
        return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
