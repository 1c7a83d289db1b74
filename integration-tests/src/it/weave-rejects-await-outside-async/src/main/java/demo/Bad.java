package demo;

import io.jasyncio.*;
import static io.jasyncio.Asyncio.*;

public class Bad {
    static void notAsync() {
        await(sleep(0.01));
    }
}
