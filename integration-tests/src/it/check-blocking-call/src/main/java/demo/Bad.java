package demo;

import io.jasyncio.*;
import static io.jasyncio.Asyncio.*;

public class Bad {
    @Async static Coroutine<Void> pause() throws InterruptedException {
        Thread.sleep(10);
        return completed();
    }
}
