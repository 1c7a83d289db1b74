// Found by the differential fuzzer (seed 41, program 595): a close failing while the body fails. It diverged
// because the reference twin lost the close's failure (FuzzException had suppression disabled), not the weaver.
package fuzz;
import io.jasyncio.*;
import io.jasyncio.it.fuzz.*;
import static io.jasyncio.Asyncio.*;
public final class R2 {
    @Async public static Coroutine<String> run(AsyncSrc src, StringBuilder log, int p0, long p1, double p2, String p3, boolean p4) {
        try { try (FuzzLib.ARes r0 = new FuzzLib.ARes(log, 0, src)) {
            p0 = String.valueOf(await(src.str(1, ""))).length();
            if (await(src.z(2, p4))) throw new FuzzException(1);
        } } catch (Throwable tr0) { throw src.closeWins(0, tr0); }
        return completed("");
    }
}
