package io.jasyncio.samples.seed0;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.samples.web.ClientResponse;
import io.jasyncio.samples.web.ClientSession;
import io.jasyncio.samples.web.LocalWebSite;
import java.util.ArrayList;
import java.util.List;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.gather;

/**
 * Seed 000, "网页的异步抓取": both pages fetched concurrently over one connection pool, with
 * {@code async with} written as try-with-resources. The two blogs are played by a local web site.
 */
public final class FetchStatus {
    private FetchStatus() {
    }

    /** One page: {@code async with session.get(url) as response}. */
    @Async
    public static Coroutine<Void> fetch(ClientSession session, String url) {
        try (ClientResponse response = await(session.get(url))) {
            System.out.println("status: " + response.status());
        }
        return completed();
    }

    @Async
    public static Coroutine<Void> main(List<String> urls) {
        // one pool for every request
        try (ClientSession session = new ClientSession()) {
            List<Coroutine<Void>> tasks = new ArrayList<>();
            for (String url : urls) {
                tasks.add(fetch(session, url));
            }
            await(gather(tasks));
        }
        return completed();
    }

    public static void main(String[] args) {
        try (LocalWebSite site = LocalWebSite.start()) {
            Asyncio.run(main(List.of(site.url("/"), site.url("/note"))));
        }
    }
}
