package io.jasyncio.samples.seed2;

import io.jasyncio.EventLoop;

/**
 * Seed 002, §3.1: managing a loop by hand: make one, run a coroutine until it completes, run the loop
 * forever, and stop it (here from a timer, since nothing else would).
 */
public final class LoopControl {
    private LoopControl() {
    }

    public static void run() {
        EventLoop loop = new EventLoop();                           // 3.1.1 get_event_loop()
        String result = loop.runUntilComplete(HelloWorld.myCoroutine());   // 3.1.2 run_until_complete(coro)
        System.out.println(result);
        loop.callLater(1, loop::stop);                              // 3.1.4 stop(), one second from now
        loop.runForever();                                          // 3.1.3 run_forever() returns once stopped
        System.out.println("loop stopped, running: " + loop.isRunning());
        loop.close();
    }

    public static void main(String[] args) {
        run();
    }
}
