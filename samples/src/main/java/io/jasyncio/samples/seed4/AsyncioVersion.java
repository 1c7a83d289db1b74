package io.jasyncio.samples.seed4;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;
import io.jasyncio.samples.web.ClientResponse;
import io.jasyncio.samples.web.ClientSession;
import io.jasyncio.samples.web.LocalWebSite;
import java.util.ArrayList;
import java.util.List;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.ensureFuture;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.getRunningLoop;

/**
 * The asyncio side of seed 004's threading comparison (its "threading version" comes from an article
 * whose asyncio version is this): one thread and one session; every download is a task, and they all
 * wait for the network at the same time.
 */
public final class AsyncioVersion {
    private AsyncioVersion() {
    }

    @Async
    public static Coroutine<Void> downloadSite(ClientSession session, String url) {
        try (ClientResponse response = await(session.get(url))) {
            System.out.println("Read " + await(response.read()).length + " from " + url);
        }
        return completed();
    }

    @Async
    public static Coroutine<Void> downloadAllSites(List<String> sites) {
        try (ClientSession session = new ClientSession()) {
            List<Awaitable<?>> tasks = new ArrayList<>();
            for (String url : sites) {
                tasks.add(ensureFuture(downloadSite(session, url)));
            }
            await(gather(true, tasks.toArray(new Awaitable<?>[0])));
        }
        return completed();
    }

    @Async
    public static Coroutine<Void> main(List<String> sites) {
        double startTime = getRunningLoop().time();
        await(downloadAllSites(sites));
        double duration = getRunningLoop().time() - startTime;
        System.out.println("Downloaded " + sites.size() + " sites in " + duration + " seconds");
        return completed();
    }

    public static void main(String[] args) {
        try (LocalWebSite site = LocalWebSite.start()) {
            Asyncio.run(main(ThreadingVersion.sites(site, 80)));
        }
    }
}
