package io.jasyncio.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workload 9, second half: what load-time weaving adds to a JVM's start-up. Runs
 * {@link io.jasyncio.bench.startup.StartupProbe} (two classes with {@code @Async} methods) as a whole new JVM,
 * {@code runs} times each way on every given {@code java}: its plugin-woven classes with no agent, and its
 * un-woven classes under {@code -javaagent:<transformer jar>}. The two ways alternate, after one unmeasured run
 * of each (page cache, CDS archive), so drifting machine load hits both alike. Prints the median wall time of
 * the whole JVM run (spawn to exit) per way and JDK, and the agent's median minus the pre-woven median.
 *
 * <p>Usage: {@code AgentStartup runs java...}. Paths come from this JVM's class path (bench/target/classes,
 * its sibling agent-startup-unwoven, the jasyncio-runtime, -annotations and -transformer jars) unless set with
 * {@code -Dstartup.woven=}, {@code -Dstartup.unwoven=}, {@code -Dstartup.libs=} (a class path),
 * {@code -Dstartup.agent=}.
 */
public final class AgentStartup {
    private static final String MAIN = "io.jasyncio.bench.startup.StartupProbe";

    private AgentStartup() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        List<String> cp = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        String woven = System.getProperty("startup.woven",
                cp.stream().filter(e -> Paths.get(e).endsWith(Paths.get("target", "classes"))).findFirst().orElse(null));
        if (woven == null) {
            throw new IllegalStateException("no target/classes on the class path: set -Dstartup.woven");
        }
        String unwoven = System.getProperty("startup.unwoven",
                Paths.get(woven).resolveSibling("agent-startup-unwoven").toString());
        String libs = System.getProperty("startup.libs", String.join(File.pathSeparator,
                cp.stream().filter(e -> name(e).startsWith("jasyncio-runtime") || name(e).startsWith("jasyncio-annotations"))
                        .toList()));
        String agent = System.getProperty("startup.agent",
                cp.stream().filter(e -> name(e).startsWith("jasyncio-transformer") && e.endsWith(".jar")).findFirst().orElse(null));
        if (agent == null || !Files.isDirectory(Paths.get(unwoven))) {
            throw new IllegalStateException("need the transformer jar (" + agent + ") and the un-woven classes (" + unwoven + ")");
        }
        List<String> preWoven = List.of("-cp", woven + File.pathSeparator + libs, MAIN);
        List<String> underAgent = List.of("-javaagent:" + agent, "-cp", unwoven + File.pathSeparator + libs, MAIN);
        for (int a = 1; a < args.length; a++) {
            String java = args[a];
            String version = version(java);
            run(java, preWoven);
            run(java, underAgent);
            double[] plain = new double[runs];
            double[] agented = new double[runs];
            for (int i = 0; i < runs; i++) {
                if (i % 2 == 0) {
                    plain[i] = run(java, preWoven);
                    agented[i] = run(java, underAgent);
                } else {
                    agented[i] = run(java, underAgent);
                    plain[i] = run(java, preWoven);
                }
            }
            double p = median(plain);
            double g = median(agented);
            line("pre-woven (plugin)", version, plain, runs).print();
            line("-javaagent", version, agented, runs).put("overhead_ms", g - p).print();
        }
    }

    private static ResultLine line(String impl, String version, double[] ms, int runs) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return new ResultLine("agent_startup", impl).put("jdk", version).put("median_ms", median(ms))
                .put("min_ms", s[0]).put("max_ms", s[s.length - 1]).put("runs", runs).put("woven_classes", 2);
    }

    private static String name(String entry) {
        Path f = Paths.get(entry).getFileName();
        return f == null ? "" : f.toString();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** One whole JVM run, in milliseconds; fails unless the program printed "ok" and exited 0. */
    private static double run(String java, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        int exit = p.waitFor();
        long t1 = System.nanoTime();
        String text = new String(out, StandardCharsets.UTF_8).trim();
        if (exit != 0 || !text.equals("ok")) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + exit + ": " + text);
        }
        return (t1 - t0) / 1e6;
    }

    /** The JDK's version string, e.g. 17.0.15, from {@code java -version}. */
    private static String version(String java) throws Exception {
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("version \"([^\"]+)\"").matcher(text);
        return m.find() ? m.group(1) : "?";
    }
}
