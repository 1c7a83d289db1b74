package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Debug mode from the environment, as PYTHONASYNCIODEBUG: JASYNCIO_DEBUG=1 in a fresh JVM. */
class DebugEnvironmentTest {
    /** The child JVM: prints whether a new loop starts in debug mode. */
    public static void main(String[] args) {
        try (EventLoop loop = new EventLoop()) {
            System.out.print(loop.getDebug());
        }
    }

    private static String childSays(String env) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, DebugEnvironmentTest.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().remove("JASYNCIO_DEBUG");
        if (env != null) {
            pb.environment().put("JASYNCIO_DEBUG", env);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        return out;
    }

    @Test
    void theEnvironmentVariableSwitchesDebugModeOn() throws Exception {
        assertEquals("true", childSays("1"));
        assertEquals("false", childSays(null));
        assertEquals("false", childSays("0"));
    }

    @Test
    void valuesThatMeanOn() {
        assertTrue(CoroutineTracker.isOn("1"));
        assertTrue(CoroutineTracker.isOn("yes"));
        assertFalse(CoroutineTracker.isOn(""));
        assertFalse(CoroutineTracker.isOn("0"));
        assertFalse(CoroutineTracker.isOn("FALSE"));
        assertFalse(CoroutineTracker.isOn(null));
    }
}
