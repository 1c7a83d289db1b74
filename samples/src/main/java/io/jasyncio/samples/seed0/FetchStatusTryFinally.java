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
 * Seed 000, the same fetch without {@code async with}: every close is written out in a finally block,
 * which is what try-with-resources saves you from remembering.
 */
public final class FetchStatusTryFinally {
    private FetchStatusTryFinally() {
    }

    @Async
    public static Coroutine<Void> fetch(ClientSession session, String url) {
        ClientResponse response = await(session.get(url));
        try {
            System.out.println(response.status());
        } finally {
            response.close();
        }
        return completed();
    }

    @Async
    public static Coroutine<Void> main(List<String> urls) {
        ClientSession session = new ClientSession();
        try {
            List<Coroutine<Void>> tasks = new ArrayList<>();
            for (String url : urls) {
                tasks.add(fetch(session, url));
            }
            await(gather(tasks));
        } finally {
            await(session.aclose());
        }
        return completed();
    }

    public static void main(String[] args) {
        try (LocalWebSite site = LocalWebSite.start()) {
            Asyncio.run(main(List.of(site.url("/"), site.url("/note"))));
        }
    }
}
