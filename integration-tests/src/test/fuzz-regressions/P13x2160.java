// Found by the differential fuzzer (seed 13, program 2160) and shrunk.
// An empty try-with-resources body cannot throw, so javac emits a bare close() with no handler. The weaver
// now rewrites a close() that resolves to AsyncCloseable's default into await(closeAsync(null)); it diverged
// until the fuzzer's FuzzLib.ARes stopped declaring its own close() (the twin now uses FuzzLib.SyncARes):
// over a type that declares close() the bare call is, rightly, left synchronous (docs/ABI.md, "async with").
package fuzz;

import io.jasyncio.*;
import io.jasyncio.it.fuzz.*;
import static io.jasyncio.Asyncio.*;

public final class P13x2160 {
    @Async public static Coroutine<String> run(AsyncSrc src, StringBuilder log, int p0, long p1, double p2, String p3, boolean p4) {
        try (FuzzLib.ARes r0 = new FuzzLib.ARes(log, 3, src)) {
        } catch (FuzzException xr0) { log.append("ac").append(xr0.id).append(';'); }
        return completed(p3);
    }
}
