package io.jasyncio.samples.seed2;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SyncMainTest {
    @Test
    void synchronousCodeGetsTheCoroutinesResult() {
        Run.Result run = Run.virtual(SyncMain.asyncMain());
        assertEquals(List.of(), run.lines());
        assertEquals(1.0, run.elapsed());
        assertEquals(List.of("Done"), Run.captured(() -> SyncMain.main(new String[0])));
    }
}
