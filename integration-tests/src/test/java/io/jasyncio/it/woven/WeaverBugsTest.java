package io.jasyncio.it.woven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.it.shapes.LoopSrc;
import io.jasyncio.it.shapes.ShapesTestAccess;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shapes the weaver gets wrong today, kept out of the catalogue so the build stays green. Each names the
 * bug; enable it (and make the shape public, so the catalogue runs it) when the weaver is fixed. They fail
 * only when the await really suspends: the fast path (a done future) never restores anything.
 */
class WeaverBugsTest {
    @Disabled("weaver bug: restore casts a spilled local to its merged verifier type java.lang.AbstractStringBuilder"
            + " (package-private in java.base), so resuming throws IllegalAccessError")
    @ParameterizedTest
    @EnumSource(LoopSrc.Mode.class)
    void aLocalWhoseMergedTypeIsInaccessibleSurvivesASuspension(LoopSrc.Mode mode) throws Exception {
        assertEquals("returned builder:7", ShapesTestAccess.runTricky("mergedTypeIsInaccessible", mode));
    }

    @Disabled("weaver bug: a local whose merged verifier type is java.lang.AbstractStringBuilder[] is restored with"
            + " a checkcast to it, so resuming throws IllegalAccessError")
    @ParameterizedTest
    @EnumSource(LoopSrc.Mode.class)
    void aLocalWhoseMergedArrayTypeIsInaccessibleSurvivesASuspension(LoopSrc.Mode mode) throws Exception {
        assertEquals("returned 1:b", ShapesTestAccess.runTricky("mergedArrayTypeIsInaccessible", mode));
    }
}
