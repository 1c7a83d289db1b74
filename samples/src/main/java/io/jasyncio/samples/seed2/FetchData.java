package io.jasyncio.samples.seed2;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.samples.Py;
import java.util.List;
import java.util.Map;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.sleep;

/**
 * Seed 002, §2.3: three fetches of different lengths run together; they finish in order of their delay,
 * but gather returns the results in the order the fetches were given. 3 s in all, the longest delay.
 */
public final class FetchData {
    private FetchData() {
    }

    @Async
    public static Coroutine<Map<String, Object>> fetchData(int delay, int id) {
        System.out.println("Fetching data " + id + "...");
        await(sleep(delay));
        System.out.println("Data " + id + " fetched");
        return completed(Py.dict("id", id, "delay", delay));
    }

    @Async
    public static Coroutine<Void> main() {
        List<Map<String, Object>> results = await(gather(
                fetchData(2, 1),
                fetchData(1, 2),
                fetchData(3, 3)));
        System.out.println(Py.repr(results));
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
