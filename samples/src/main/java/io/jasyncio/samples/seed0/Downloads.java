package io.jasyncio.samples.seed0;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.samples.Py;
import java.util.List;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 000, "具体的实现": two downloads gathered. Both sleep at the same time, so the whole run takes
 * about one second, not two.
 */
public final class Downloads {
    private Downloads() {
    }

    @Async
    public static Coroutine<String> download() {
        System.out.println("开始下载!");
        await(sleep(1));              // suspends; the loop runs the other download meanwhile
        System.out.println("下载完成");
        return completed("Ciallo");
    }

    @Async
    public static Coroutine<Void> main() {
        List<String> results = await(gather(download(), download()));
        System.out.println(Py.repr(results));
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
