package io.jasyncio.samples.seed1;

import io.jasyncio.Acquired;
import io.jasyncio.Async;
import io.jasyncio.AsyncQueue;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Lock;
import io.jasyncio.ReturnWhen;
import io.jasyncio.Task;
import io.jasyncio.samples.web.ClientResponse;
import io.jasyncio.samples.web.ClientSession;
import io.jasyncio.samples.web.LocalWebSite;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.gather;

/**
 * Seed 001, "同步和通信": code that needs a lock between threads needs none between coroutines that do
 * not await in the middle (the counter ends at 0 every time); a coroutine that awaits while it updates
 * shared state (the page cache) takes a {@link Lock}; and coroutines pass results through an
 * {@link AsyncQueue}. The page the seed fetches is served by a local web site.
 */
public final class LockAndQueue {
    private int counter;
    private final Map<String, String> cache = new HashMap<>();
    private final Lock lock = new Lock();
    private final AsyncQueue<String> queue = new AsyncQueue<>();
    private final ClientSession session;

    public LockAndQueue(ClientSession session) {
        this.session = session;
    }

    /** No await inside: nothing else runs until it returns, so no lock is needed. */
    @Async
    public Coroutine<Void> inc() {
        for (int i = 0; i < 1_000_000; i++) {
            counter += 1;
        }
        return completed();
    }

    @Async
    public Coroutine<Void> dec() {
        for (int i = 0; i < 1_000_000; i++) {
            counter -= 1;
        }
        return completed();
    }

    /** While one caller fetches a page, the others wait for the lock and then find it in the cache. */
    @Async
    @SuppressWarnings("try")   // the held lock is only released, as in Python's "async with lock:"
    public Coroutine<String> getHtml(String url) {
        // async with lock:
        try (Acquired held = await(lock.acquire())) {
            if (cache.containsKey(url)) {
                return completed(cache.get(url));
            }
            String staff;
            try (ClientResponse response = await(session.get(url))) {
                staff = await(response.text());
            }
            cache.put(url, staff);
            return completed(staff);
        }
    }

    @Async
    public Coroutine<AsyncQueue<String>> parseHtml(String url) {
        String staff = await(getHtml(url));
        System.out.println("从网络获取结果 ==> " + staff);
        await(queue.put(staff));   // a queue between coroutines is awaited too
        return completed(queue);
    }

    @Async
    public Coroutine<String> useHtml(String url) {
        String staff = await(queue.get());
        System.out.println("从队列拿到结果 ==> " + staff);
        return completed(staff);
    }

    public static void run(EventLoop loop, LocalWebSite site) {
        ClientSession session = new ClientSession();
        LockAndQueue sample = new LockAndQueue(session);
        List<Task<Void>> tasks1 = List.of(loop.createTask(sample.inc()), loop.createTask(sample.dec()));
        loop.runUntilComplete(Asyncio.wait(tasks1, ReturnWhen.ALL_COMPLETED));
        // however often it runs, the result is right
        System.out.println(sample.counter);

        String url = site.url("/");
        List<Task<?>> tasks2 = List.of(loop.createTask(sample.parseHtml(url)), loop.createTask(sample.useHtml(url)));
        // the seed waits with asyncio.wait; gather waits the same way and, unlike Java's typed wait, takes
        // tasks of different result types
        loop.runUntilComplete(gather(tasks2));
        for (Task<?> task : tasks2) {
            System.out.println(task.result());
        }
        loop.runUntilComplete(session.aclose());
        loop.close();
    }

    public static void main(String[] args) {
        try (LocalWebSite site = LocalWebSite.start()) {
            run(new EventLoop(), site);
        }
    }
}
