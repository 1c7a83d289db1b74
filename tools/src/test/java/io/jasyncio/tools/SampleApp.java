package io.jasyncio.tools;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;

import java.io.IOException;

import static io.jasyncio.Asyncio.*;

/**
 * The program the attach tests dump: a known await tree that stays put. It prints READY once every
 * task is suspended and ends when its standard input closes.
 */
public final class SampleApp {
    private SampleApp() {
    }

    @Async
    static Coroutine<Void> download(String url) {
        await(sleep(3600)); // LINE:download
        return completed();
    }

    @Async
    static Coroutine<Void> crawl(Task<Void> index) {
        await(index); // LINE:crawl
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        Task<Void> index = createTask(download("/index"), "index");
        Task<Void> crawler = createTask(crawl(index), "crawler");
        Task<Void> images = createTask(download("/images"), "images");
        EventLoop loop = getRunningLoop();
        loop.callSoon(() -> System.out.println("READY"));   // runs after every task above has suspended
        await(gather(crawler, images)); // LINE:main
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(untilStdinCloses(main()));
    }

    @Async
    static Coroutine<Void> untilStdinCloses(Coroutine<Void> work) {
        Task<Void> t = createTask(work, "main");
        EventLoop loop = getRunningLoop();
        Thread reader = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // drain until the parent closes the pipe
                }
            } catch (IOException ignored) {
                // closed: same as end of input
            }
            loop.callSoonThreadsafe(t::cancel);
        }, "stdin-watch");
        reader.setDaemon(true);
        reader.start();
        try {
            await(t); // LINE:wrapper
        } catch (java.util.concurrent.CancellationException expected) {
            // the parent closed our input: time to go
        }
        return completed();
    }
}
