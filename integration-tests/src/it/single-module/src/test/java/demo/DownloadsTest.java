package demo;

import io.jasyncio.*;
import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DownloadsTest {
    // woven by weave-tests: a coroutine in test code
    @Async static Coroutine<String> twice(String name) {
        String first = await(Downloads.download(name, 0.0));
        return completed(first + first);
    }

    @Test
    void testCoroutinesAreWovenToo() {
        assertEquals("XX", Asyncio.run(twice("x")));
    }
}
