// Found by the differential fuzzer (-Djasyncio.fuzz.mergedTypes=true, seed 3, program 0) and shrunk.
// v0's verifier type merges StringBuilder and StringBuffer into java.lang.AbstractStringBuilder, which is
// package-private in java.base; the weaver's restore block casts to it, so resuming throws IllegalAccessError.
// Fixed: restore casts to the nearest accessible superclass (here Object).
package fuzz;

import io.jasyncio.*;
import io.jasyncio.it.fuzz.*;
import static io.jasyncio.Asyncio.*;

public final class P3x0 {
    @Async public static Coroutine<String> run(AsyncSrc src, StringBuilder log, int p0, long p1, double p2, String p3, boolean p4) {
        CharSequence v0 = p4 ? new StringBuilder("b") : new StringBuffer("f");
        long v1 = await(src.j(2, 0L));
        int v2 = 0;
        log.append("end:").append(p0).append(',').append(p1).append(',').append(p2).append(',').append(p3).append(',').append(p4).append(',').append(v0).append(',').append(v1).append(',').append(v2).append(',').append(';');
        return completed("");
    }
}
