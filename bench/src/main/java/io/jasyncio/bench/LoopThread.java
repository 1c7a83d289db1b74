package io.jasyncio.bench;

import io.jasyncio.EventLoop;
import java.util.concurrent.CountDownLatch;

/**
 * A jasyncio server on an event loop of its own thread, as the echo and HTTP benchmarks run one: the
 * loop starts listening, runs until {@link #close()}, then shuts the server down on the loop thread.
 */
final class LoopThread implements BenchServer {
    /** Starts listening on the loop; returns the port and how to shut down. */
    interface Listen {
        Listening listen(EventLoop loop) throws Exception;
    }

    /** What a started server leaves for the loop thread to do once the benchmark is over. */
    interface Shutdown {
        void shutdown(EventLoop loop) throws Exception;
    }

    record Listening(int port, Shutdown shutdown) {
    }

    private final Thread thread;
    private final CountDownLatch listening = new CountDownLatch(1);
    private volatile EventLoop loop;
    private volatile int port;
    private volatile Throwable failure;

    private LoopThread(String name, Listen listen) {
        thread = new Thread(() -> {
            try (EventLoop l = new EventLoop()) {
                loop = l;
                Listening started = listen.listen(l);
                port = started.port();
                listening.countDown();
                l.runForever();
                started.shutdown().shutdown(l);
            } catch (Throwable t) {
                failure = t;
                listening.countDown();
            }
        }, name);
    }

    /** Starts the thread and returns once the server listens (or failed to). */
    static LoopThread start(String name, Listen listen) throws InterruptedException {
        LoopThread s = new LoopThread(name, listen);
        s.thread.start();
        s.listening.await();
        if (s.failure != null) {
            throw new IllegalStateException(name + " failed to start", s.failure);
        }
        return s;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Thread thread() {
        return thread;
    }

    /** Stops the loop, lets the server shut down on its thread, and reports a failure there. */
    @Override
    public void close() throws InterruptedException {
        EventLoop l = loop;
        l.callSoonThreadsafe(l::stop);
        thread.join();
        if (failure != null) {
            throw new IllegalStateException(thread.getName() + " failed", failure);
        }
    }
}
