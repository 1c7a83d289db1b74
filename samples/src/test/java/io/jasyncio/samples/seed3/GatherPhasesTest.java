package io.jasyncio.samples.seed3;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GatherPhasesTest {
    @Test
    void resultsInArgumentOrderAfterTheLongerPhase() {
        Run.Result run = Run.virtual(GatherPhases::run);
        assertEquals(List.of("waiting for phases to complete", "results: ['phase1 result', 'phase2 result']"), run.lines());
        assertEquals(2.0, run.elapsed());
    }
}
