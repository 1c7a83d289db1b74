import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.it.shapes.Src;

/** @Async methods in a class of the unnamed package: the generated frame class must live there too. */
public final class DefaultPackageShapes {
    private DefaultPackageShapes() {
    }

    @Async
    static Coroutine<Integer> twice(Src src, int x) {
        return completed(2 * await(src.v(x)));
    }

    @Async
    public static Coroutine<String> inTheDefaultPackage(Src src) {
        int a = await(twice(src, 21));
        return completed("default:" + a + await(src.v("!")));
    }
}
