package io.jasyncio.samples.seed1;

import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import io.jasyncio.samples.Run;
import io.jasyncio.samples.web.ClientSession;
import io.jasyncio.samples.web.LocalWebSite;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.jasyncio.Asyncio.gather;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LockAndQueueTest {
    private static final String PAGE = "<html><body>Ciallo</body></html>";

    @Test
    void printsTheCounterThePageTwiceAndTheTaskResults() {
        try (LocalWebSite site = LocalWebSite.start()) {
            Run.Result run = Run.virtual(loop -> LockAndQueue.run(loop, site));
            assertEquals(List.of(
                    "0",
                    "从网络获取结果 ==> " + PAGE,
                    "从队列拿到结果 ==> " + PAGE,
                    "AsyncQueue[maxsize=0, size=0, tasks=1]",   // parseHtml returns the queue; nobody called taskDone
                    PAGE), run.lines());
        }
    }

    @Test
    void theLockMakesConcurrentCallersShareOneFetch() {
        try (LocalWebSite site = LocalWebSite.start(); EventLoop loop = new EventLoop(new VirtualClock())) {
            LockAndQueue sample = new LockAndQueue(new ClientSession());
            String url = site.url("/");
            List<String> pages = loop.runUntilComplete(gather(
                    loop.createTask(sample.getHtml(url)),
                    loop.createTask(sample.getHtml(url)),
                    loop.createTask(sample.getHtml(url))));
            assertEquals(List.of(PAGE, PAGE, PAGE), pages);
            assertEquals(1, site.requestCount());
        }
    }
}
