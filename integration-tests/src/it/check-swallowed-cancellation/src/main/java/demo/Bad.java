package demo;

import io.jasyncio.*;
import static io.jasyncio.Asyncio.*;

public class Bad {
    @Async static Coroutine<Void> stubborn() {
        try {
            await(sleep(1));
        } catch (Exception e) {
            System.out.println("ignored " + e);
        }
        return completed();
    }
}
