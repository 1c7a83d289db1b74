package io.jasyncio.bench;

import io.jasyncio.transformer.ClasspathHierarchy;
import io.jasyncio.transformer.WeaveException;
import io.jasyncio.transformer.WeaveResult;
import io.jasyncio.transformer.Weaver;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Workload 9, first half: how fast the weaver goes through a build's classes. The corpus is the samples
 * module's main sources as javac writes them (the bench build compiles them, un-woven, into
 * target/weave-corpus). Each pass does what the plugin's weave goal does for one module, in memory: a new
 * {@link ClasspathHierarchy} over the corpus and the jasyncio jars (the samples' compile class path), then
 * {@link Weaver#weave} on every class file; nothing is written. Two figures:
 * <ul>
 *   <li>weave_all_classes: every class file of the corpus, most of which has no {@code @Async} method (the
 *       weaver's "nothing to do" path: a byte search, or a parse that finds no {@code @Async});</li>
 *   <li>weave_async_classes: only the classes that have {@code @Async} methods, also as methods per second.</li>
 * </ul>
 * Warm JVM: passes repeat for {@code warmup} seconds, then {@code rounds} windows of {@code seconds} each; the
 * median window is printed. The very first pass (cold JVM, as a {@code mvn} build sees it) is printed too.
 *
 * <p>Usage: {@code WeavingSpeed [seconds] [warmupSeconds] [rounds] [corpusDir]} (defaults 2, 3, 5, the
 * weave-corpus directory beside bench/target/classes).
 */
public final class WeavingSpeed {
    private static long sink;

    private WeavingSpeed() {
    }

    /** What one pass did: classes rewritten and @Async methods woven (one frame class each). */
    private record Pass(int woven, int methods) {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> cp = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        Path corpus = args.length > 3 ? Paths.get(args[3]) : Paths.get(cp.stream()
                .filter(e -> Paths.get(e).endsWith(Paths.get("target", "classes"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("give the corpus directory"))).resolveSibling("weave-corpus");
        List<Path> classpath = new ArrayList<>();
        classpath.add(corpus);
        // Copies, read by every pass: a jar re-installed into ~/.m2 mid-run would otherwise read as missing classes.
        Path jars = Files.createTempDirectory("weave-classpath");
        for (String e : cp) {
            String name = Paths.get(e).getFileName().toString();
            if (name.startsWith("jasyncio-runtime") || name.startsWith("jasyncio-annotations")) {
                Path copy = jars.resolve(name);
                Files.copy(Paths.get(e), copy);
                copy.toFile().deleteOnExit();
                classpath.add(copy);
            }
        }
        jars.toFile().deleteOnExit();
        List<byte[]> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                all.add(Files.readAllBytes(p));
            }
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("no class files in " + corpus + ": build bench first");
        }
        long bytes = all.stream().mapToLong(b -> b.length).sum();

        long t0 = System.nanoTime();
        Pass first = pass(all, classpath);
        double firstMs = (System.nanoTime() - t0) / 1e6;
        List<byte[]> async = new ArrayList<>();
        try (ClasspathHierarchy h = new ClasspathHierarchy(classpath)) {
            Weaver w = new Weaver(h);
            for (byte[] b : all) {
                if (w.weave(b).changed()) {
                    async.add(b);
                }
            }
        }
        long asyncBytes = async.stream().mapToLong(b -> b.length).sum();

        double[] allRates = rates(all, classpath, seconds, warmup, rounds);
        double[] asyncRates = rates(async, classpath, seconds, warmup, rounds);
        String what = "samples/src/main/java, un-woven";
        new ResultLine("weave_all_classes", "jasyncio weaver").put("corpus", what).put("classes", all.size())
                .put("async_classes", first.woven()).put("async_methods", first.methods()).put("corpus_bytes", bytes)
                .put("classes_per_s", allRates[0]).put("classes_per_s_min", allRates[1]).put("classes_per_s_max", allRates[2])
                .put("first_pass_ms", firstMs).put("first_pass_classes_per_s", all.size() / (firstMs / 1e3))
                .put("seconds", seconds).put("rounds", rounds).print();
        double methodsPerClass = first.methods() / (double) first.woven();
        new ResultLine("weave_async_classes", "jasyncio weaver").put("corpus", what).put("classes", async.size())
                .put("async_methods", first.methods()).put("corpus_bytes", asyncBytes)
                .put("classes_per_s", asyncRates[0]).put("classes_per_s_min", asyncRates[1])
                .put("classes_per_s_max", asyncRates[2]).put("methods_per_s", asyncRates[0] * methodsPerClass)
                .put("seconds", seconds).put("rounds", rounds).print();
        if (sink == 42) {
            System.err.println();
        }
    }

    /** One plugin-like pass: a fresh hierarchy (as each build has), every class through the weaver. */
    private static Pass pass(List<byte[]> classes, List<Path> classpath) throws Exception {
        int woven = 0;
        int methods = 0;
        try (ClasspathHierarchy h = new ClasspathHierarchy(classpath)) {
            Weaver w = new Weaver(h);
            for (byte[] b : classes) {
                WeaveResult r;
                try {
                    r = w.weave(b);
                } catch (WeaveException e) {
                    throw new IllegalStateException("the corpus does not weave: " + e.diagnostics(), e);
                }
                sink += r.bytes().length;
                if (r.changed()) {
                    woven++;
                    methods += r.generatedClasses().size();
                }
            }
        }
        return new Pass(woven, methods);
    }

    /** {median, min, max} classes per second over the rounds, after the warm-up; whole passes only. */
    private static double[] rates(List<byte[]> classes, List<Path> classpath, double seconds, double warmup, int rounds)
            throws Exception {
        long end = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < end) {
            pass(classes, classpath);
        }
        double[] r = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            long stop = t0 + (long) (seconds * 1e9);
            long n = 0;
            long t;
            do {
                pass(classes, classpath);
                n += classes.size();
                t = System.nanoTime();
            } while (t < stop);
            r[i] = n / ((t - t0) / 1e9);
        }
        double[] s = r.clone();
        Arrays.sort(s);
        return new double[] {s[rounds / 2], s[0], s[rounds - 1]};
    }
}
