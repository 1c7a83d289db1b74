package io.jasyncio.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The differential fuzzer (issue 9): random programs, woven in-process, must behave exactly as their
 * synchronous twins under every schedule. {@code -Djasyncio.fuzz.count=10000} for a long run,
 * {@code -Djasyncio.fuzz.seed=N} for another campaign; a failure prints the shrunk program.
 */
class DifferentialFuzzTest {
    @Test
    void wovenProgramsBehaveAsTheirSynchronousTwins() {
        int count = Integer.getInteger("jasyncio.fuzz.count", 200);
        long seed = Long.getLong("jasyncio.fuzz.seed", 20261121L);
        long start = System.nanoTime();
        try (FuzzRunner runner = new FuzzRunner()) {
            FuzzCampaign campaign = new FuzzCampaign(runner);
            Optional<FuzzCampaign.Finding> finding = campaign.run(seed, count);
            System.out.printf("jasyncio fuzzer: seed %d, %d programs, %d schedules, %d known-bug hits, %.1f s (Java %s%s)%n",
                    seed, campaign.programsRun(), campaign.schedulesRun(), campaign.knownBugHits(),
                    (System.nanoTime() - start) / 1e9, Runtime.version().feature(),
                    Boolean.getBoolean("jasyncio.fuzz.mergedTypes") ? ", merged types" : "");
            finding.ifPresent(f -> fail(f.report()));
            assertEquals(count, campaign.programsRun());
            if (campaign.knownBugHits() > 0) {
                System.out.println("jasyncio fuzzer: " + campaign.knownBugHits() + " of " + count
                        + " programs hit open weaver bugs (src/test/fuzz-regressions/open)");
            }
        }
    }
}
