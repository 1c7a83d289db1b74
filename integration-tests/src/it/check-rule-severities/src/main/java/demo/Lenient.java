package demo;

import io.jasyncio.*;
import static io.jasyncio.Asyncio.*;

public class Lenient {
    @Async static Coroutine<Void> nap() throws InterruptedException {
        Thread.sleep(1);
        sleep(1);
        return completed();
    }

    @SuppressWarnings("jasyncio:blocking-call")
    @Async static Coroutine<Void> deliberate() throws InterruptedException {
        Thread.sleep(1);
        return completed();
    }
}
