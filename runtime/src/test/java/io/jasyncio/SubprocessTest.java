package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static io.jasyncio.IoTesting.ascii;
import static io.jasyncio.IoTesting.run;
import static io.jasyncio.IoTesting.str;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Child processes (create_subprocess_exec) with their pipes as loop streams. */
class SubprocessTest {
    private final EventLoop loop = new EventLoop();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void communicateSendsInputAndCollectsBothOutputs() {
        Peer.assume("sh");
        Subprocess.Output out = run(loop, communicateWith(
                new ProcessBuilder("sh", "-c", "tr a-z A-Z; echo problem >&2; exit 3"), ascii("hello\nworld\n"), 3));
        assertEquals("HELLO\nWORLD\n", str(out.stdout()));
        assertEquals("problem\n", str(out.stderr()));
    }

    @Async
    static Coroutine<Subprocess.Output> communicateWith(ProcessBuilder pb, byte[] input, int expectedExit) {
        Subprocess p = await(createSubprocessExec(pb));
        assertNull(p.returncode());
        Subprocess.Output out = await(p.communicate(input));
        assertEquals(expectedExit, p.returncode());
        assertEquals(expectedExit, await(p.waitFor()));
        return completed(out);
    }

    @Test
    void mergedStderrAndUnpipedStdin() {
        Peer.assume("sh");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "echo out; echo err >&2").redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Subprocess.Output out = run(loop, communicateWith(pb, null, 0));
        assertEquals("out\nerr\n", str(out.stdout()));
        assertNull(out.stderr(), "merged into stdout");
    }

    @Test
    void lineByLineConversationWithPython() {
        Peer.assume("python3");
        run(loop, conversation());
    }

    @Async
    static Coroutine<Void> conversation() {
        Subprocess p = await(createSubprocessExec("python3", "-u", "-c",
                "import sys\nfor line in sys.stdin:\n    print(line.strip()[::-1], flush=True)\n"));
        for (String word : new String[] {"abc", "level", "jasyncio"}) {
            p.stdin().write(ascii(word + "\n"));
            await(p.stdin().drain());
            assertEquals(new StringBuilder(word).reverse() + "\n", str(await(p.stdout().readLine())));
        }
        p.stdin().close();
        assertEquals(0, await(p.waitFor()));
        assertEquals(0, await(p.stdout().read(-1)).length);
        assertTrue(p.stdout().atEof());
        return completed();
    }

    @Test
    void largeOutputIsReadWithBackpressure() {
        Peer.assume("head");
        assertEquals(5_000_000L, run(loop, countOutput()));
    }

    @Async
    static Coroutine<Long> countOutput() {
        Subprocess p = await(createSubprocessExec("head", "-c", "5000000", "/dev/zero"));
        long total = 0;
        for (byte[] chunk; (chunk = await(p.stdout().read(65536))).length > 0; ) {
            total += chunk.length;
            assertTrue(p.stdout().buffered() <= 3 * StreamReader.DEFAULT_LIMIT,
                    "the pump pauses near twice the limit: " + p.stdout().buffered());
        }
        assertEquals(0, await(p.waitFor()));
        return completed(total);
    }

    @Test
    void killedProcessReportsTheSignalAsTheJdkDoes() {
        Peer.assume("sh");
        assertEquals(128 + 9, run(loop, killIt()));
    }

    @Async
    static Coroutine<Integer> killIt() {
        Subprocess p = await(createSubprocessExec("sh", "-c", "echo started; exec cat"));
        assertEquals("started\n", str(await(p.stdout().readLine())));
        p.kill();
        int code = await(p.waitFor());
        assertEquals(0, await(p.stdout().read(-1)).length);
        return completed(code);
    }

    @Test
    void missingProgramNamesIt() {
        Exception e = assertThrows(IOException.class, () -> run(loop, createSubprocessExec("no-such-program-jasyncio")));
        assertTrue(e.getMessage().contains("no-such-program-jasyncio"), e.getMessage());
    }
}
