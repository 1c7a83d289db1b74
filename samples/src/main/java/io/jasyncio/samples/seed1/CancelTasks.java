package io.jasyncio.samples.seed1;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.ReturnWhen;
import io.jasyncio.Task;
import io.jasyncio.samples.Py;
import java.util.List;

/**
 * Seed 001, "取消协程的执行": three coroutines; if the run is interrupted (Python's Ctrl-C, a
 * {@code KeyboardInterrupt}), every task still pending is cancelled, and the loop is run once more so
 * the cancellations are delivered before it closes. Java cannot catch Ctrl-C and go on, so the
 * interruption is played by stopping the loop from a timer: {@code runUntilComplete} then reports that
 * the loop stopped before the work was done.
 */
public final class CancelTasks {
    private CancelTasks() {
    }

    /** Runs the seed; {@code interruptAfter} seconds (negative: never) plays the Ctrl-C. */
    public static void run(EventLoop loop, double interruptAfter) {
        double start = loop.time();
        List<Task<String>> tasks = RunUntilComplete.tasks(loop, 3);
        if (interruptAfter >= 0) {
            loop.callLater(interruptAfter, loop::stop);
        }
        try {
            loop.runUntilComplete(Asyncio.wait(tasks, ReturnWhen.ALL_COMPLETED));
        } catch (IllegalStateException interrupted) {   // "Event loop stopped before Future completed."
            for (Task<?> task : loop.allTasks()) {
                boolean result = task.cancel();
                System.out.println("cancel task ==> " + Py.repr(result));
            }
            loop.stop();
            // after stop(), run the loop once more: it delivers the cancellations, then stops
            loop.runForever();
        } finally {
            loop.close();
        }
        System.out.println("耗时: " + (loop.time() - start));
    }

    public static void main(String[] args) {
        run(new EventLoop(), -1);
    }
}
