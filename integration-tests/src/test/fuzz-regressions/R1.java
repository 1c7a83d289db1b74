// A hand-written seed for the regression folder, in the fuzzer's program format: values of every width
// under an unfinished constructor call, an await in a finally that runs on a return, and a recursive helper.
package fuzz;

import io.jasyncio.*;
import io.jasyncio.it.fuzz.*;
import static io.jasyncio.Asyncio.*;

public final class R1 {
    @Async static Coroutine<Long> h0(AsyncSrc src, StringBuilder log, int n, double a1) {
        long v0 = (n > 0 ? ((long) await(h0(src, log, n - 1, a1 * 2))) : 1L) + await(src.j(0, (long) n));
        return completed(v0 + (long) a1);
    }

    @Async public static Coroutine<String> run(AsyncSrc src, StringBuilder log, int p0, long p1, double p2, String p3, boolean p4) {
        String v0 = new FuzzLib.Box(p3, p1 + await(src.j(1, 5L)), p2 * await(src.d(2, 4.0))).s;
        for (int i1 = 0; i1 < 3; i1++) {
            try {
                if (i1 == await(src.i(3, 1))) return completed(v0 + await(h0(src, log, 2, p2)));
                log.append(await(src.c(4, 'x'))).append(';');
            } finally {
                log.append("f").append(await(src.b(5, (byte) i1))).append(';');
            }
        }
        log.append("end:").append(v0).append(';');
        return completed(v0);
    }
}
