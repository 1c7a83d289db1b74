package io.jasyncio.samples.seed1;

import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;

/**
 * Seed 001, "获取协程的返回值": a task's result, and a done-callback that takes an extra argument.
 * Python binds the argument with {@code functools.partial}; in Java a lambda does that job.
 */
public final class DoneCallback {
    private DoneCallback() {
    }

    /** The extra argument comes first; the finished future is passed last, as with partial. */
    static void callback(String args, Future<String> future) {
        System.out.println("callback ==> " + future.result() + " another ==> " + args);
    }

    public static void run(EventLoop loop) {
        Task<String> testFuture = loop.createTask(RunUntilComplete.testAsync());
        // partial(callback, "wanglin"): the loop supplies the future, the lambda the bound argument
        testFuture.addDoneCallback(future -> callback("wanglin", future));
        loop.runUntilComplete(testFuture);
        // same as with a thread's future
        System.out.println(testFuture.result());
    }

    public static void main(String[] args) {
        try (EventLoop loop = new EventLoop()) {
            run(loop);
        }
    }
}
