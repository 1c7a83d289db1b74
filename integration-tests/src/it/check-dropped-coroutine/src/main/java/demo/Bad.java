package demo;

import io.jasyncio.*;
import static io.jasyncio.Asyncio.*;

public class Bad {
    @Async static Coroutine<String> download() {
        await(sleep(0.01));
        return completed("done");
    }

    @Async static Coroutine<Void> main() {
        download();
        return completed();
    }
}
