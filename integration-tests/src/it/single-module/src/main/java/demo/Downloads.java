package demo;

import io.jasyncio.*;
import static io.jasyncio.Asyncio.*;

import java.util.List;

public class Downloads {
    @Async static Coroutine<String> download(String name, double seconds) {
        System.out.println("start " + name);
        await(sleep(seconds));
        System.out.println("done " + name);
        return completed(name.toUpperCase());
    }

    @Async static Coroutine<Void> main() {
        // both downloads sleep at once on the one loop thread: the fast one finishes first
        List<String> results = await(gather(download("slow", 0.2), download("fast", 0.05)));
        System.out.println("results " + results);
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
