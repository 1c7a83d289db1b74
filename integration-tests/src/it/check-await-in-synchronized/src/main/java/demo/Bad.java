package demo;

import io.jasyncio.*;
import static io.jasyncio.Asyncio.*;

public class Bad {
    private final Object lock = new Object();

    @Async Coroutine<Void> guarded() {
        synchronized (lock) {
            await(sleep(0.01));
        }
        return completed();
    }
}
