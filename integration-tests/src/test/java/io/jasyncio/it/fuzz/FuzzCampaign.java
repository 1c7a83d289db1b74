package io.jasyncio.it.fuzz;

import io.jasyncio.it.support.InMemoryCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A deterministic fuzzing campaign: program {@code i} of seed {@code s} is always the same program.
 * Finds the first diverging program, shrinks it and describes it so it can be kept as a regression test.
 */
final class FuzzCampaign {
    private static final int BATCH = 25;

    /** A minimal diverging program and how it diverges. */
    record Finding(long seed, String original, Program shrunk, FuzzRunner.Divergence divergence, boolean debugInfo) {
        String report() {
            return "jasyncio differential fuzzer: woven code diverges from its synchronous twin (" + divergence.kind() + ")\n"
                    + (debugInfo ? "" : "compiled with -g:none and without -parameters\n")
                    + "program " + shrunk.className + " (seed " + seed + "), shrunk to:\n\n" + shrunk.source() + "\n"
                    + divergence.detail() + "\n\nkeep it as a regression: save the source above to src/test/fuzz-regressions/open/ (move it up a folder once fixed) as "
                    + shrunk.className + ".java";
        }
    }

    /**
     * Signatures of open weaver bugs (each kept in src/test/fuzz-regressions/open): a program hitting one is
     * counted, not reported, so long runs keep looking for new bugs. Remove an entry when its bug is fixed.
     */
    private static final List<String> KNOWN_BUGS = List.of();

    private final FuzzRunner runner;
    private int programsRun;
    private int knownBugHits;
    private long schedulesRun;

    FuzzCampaign(FuzzRunner runner) {
        this.runner = runner;
    }

    int programsRun() {
        return programsRun;
    }

    /** Schedules the campaign's programs ran under (not counting the shrinker's runs). */
    long schedulesRun() {
        return schedulesRun;
    }

    /** Programs that diverged only by an open weaver bug listed in {@link #KNOWN_BUGS}. */
    int knownBugHits() {
        return knownBugHits;
    }

    Optional<Finding> run(long seed, int count) {
        for (int start = 0; start < count; start += BATCH) {
            List<Program> batch = new ArrayList<>();
            for (int i = start; i < Math.min(count, start + BATCH); i++) {
                batch.add(new ProgramGenerator(seed * 1_000_003L + i).generate("P" + Long.toUnsignedString(seed) + "x" + i));
            }
            // every other batch without debug information (-g:none, no -parameters)
            boolean debugInfo = (start / BATCH) % 2 == 0;
            List<FuzzRunner.Compiled> compiled = compileOrExplain(batch, debugInfo);
            for (int i = 0; i < batch.size(); i++) {
                programsRun++;
                long programSeed = seed * 1_000_003L + start + i;
                long before = runner.schedulesRun();
                FuzzRunner.Divergence d = runner.check(compiled.get(i), programSeed);
                schedulesRun += runner.schedulesRun() - before;
                if (d != null) {
                    // judged after shrinking: a program may catch the bug's exception and diverge only in its log
                    Finding f = shrink(programSeed, batch.get(i), d, debugInfo);
                    if (KNOWN_BUGS.stream().noneMatch(f.divergence().detail()::contains)) {
                        return Optional.of(f);
                    }
                    knownBugHits++;
                }
            }
        }
        return Optional.empty();
    }

    private List<FuzzRunner.Compiled> compileOrExplain(List<Program> batch, boolean debugInfo) {
        try {
            return runner.compile(batch.stream().map(Program::source).toList(), debugInfo);
        } catch (InMemoryCompiler.CompilationFailed e) {
            // a generator bug: find the program javac rejects, so the message shows it
            for (Program p : batch) {
                try {
                    runner.compile(List.of(p.source()));
                } catch (InMemoryCompiler.CompilationFailed one) {
                    throw new AssertionError("the generator wrote a program javac rejects:\n" + p.source() + "\n"
                            + one.getMessage() + "\n--- its twin:\n" + Program.syncTwin(p.source()), one);
                }
            }
            throw e;
        }
    }

    Finding shrink(long seed, Program program, FuzzRunner.Divergence divergence, boolean debugInfo) {
        Shrinker shrinker = new Shrinker(candidate -> {
            FuzzRunner.Divergence d = checkOne(candidate, seed, debugInfo);
            return d != null && d.kind().equals(divergence.kind());
        }, 400);
        Program small = shrinker.shrink(program);
        FuzzRunner.Divergence last = checkOne(small, seed, debugInfo);
        return new Finding(seed, program.source(), small, last != null ? last : divergence, debugInfo);
    }

    private FuzzRunner.Divergence checkOne(Program p, long seed, boolean debugInfo) {
        List<FuzzRunner.Compiled> c;
        try {
            c = runner.compile(List.of(p.source()), debugInfo);
        } catch (InMemoryCompiler.CompilationFailed e) {
            return null;
        }
        return runner.check(c.get(0), seed);
    }
}
