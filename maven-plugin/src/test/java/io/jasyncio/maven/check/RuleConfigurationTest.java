package io.jasyncio.maven.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RuleConfigurationTest {
    @Test
    void severitiesParseInAnyCase() {
        assertEquals(Severity.OFF, Severity.parse("off", "x"));
        assertEquals(Severity.WARNING, Severity.parse(" Warning ", "x"));
        assertEquals(Severity.ERROR, Severity.parse("ERROR", "x"));
    }

    @Test
    void aBadSeverityNamesTheSettingAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Severity.parse("fatal", "<rules><blocking-call>"));
        assertEquals("<rules><blocking-call>: unknown severity 'fatal' (use off, warning or error)", e.getMessage());
    }

    @Test
    void rulesAreFoundByIdAndAnUnknownIdListsTheKnownOnes() {
        assertEquals(Rule.SWALLOWED_CANCELLATION, Rule.byId("swallowed-cancellation"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rule.byId("dropped-coro"));
        assertEquals("unknown jasyncio check rule 'dropped-coro' (known: await-outside-async, await-in-synchronized, "
                + "dropped-coroutine, blocking-call, swallowed-cancellation)", e.getMessage());
    }
}
