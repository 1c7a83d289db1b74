package io.jasyncio.samples.seed2;

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
 * Seed 002, §7.1 "异步爬虫": five pages fetched at once through one session; example.com is played by a
 * local web site.
 */
public final class FetchPages {
    private FetchPages() {
    }

    @Async
    public static Coroutine<String> fetchUrl(ClientSession session, String url) {
        try (ClientResponse response = await(session.get(url))) {
            return completed(await(response.text()));
        }
    }

    @Async
    public static Coroutine<List<String>> main(String url) {
        try (ClientSession session = new ClientSession()) {
            List<Coroutine<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                tasks.add(fetchUrl(session, url));
            }
            List<String> results = await(gather(tasks));
            System.out.println("Fetched " + results.size() + " pages");
            return completed(results);
        }
    }

    public static void main(String[] args) {
        try (LocalWebSite site = LocalWebSite.start()) {
            Asyncio.run(main(site.url("/")));
        }
    }
}
