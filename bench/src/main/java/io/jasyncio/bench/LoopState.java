package io.jasyncio.bench;

import io.jasyncio.EventLoop;
import io.jasyncio.TaskFactory;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The event loop a jasyncio benchmark runs on, one per benchmark thread, with the {@code eager}
 * parameter (Python 3.12's eager task factory). A JMH state of its own so that peers, which take
 * no loop, are not multiplied by a parameter that means nothing to them.
 */
@State(Scope.Thread)
public class LoopState {
    @Param({"false", "true"})
    public boolean eager;

    EventLoop loop;

    @Setup
    public void setUp() {
        loop = new EventLoop();
        if (eager) {
            loop.setTaskFactory(TaskFactory.EAGER);
        }
    }

    @TearDown
    public void tearDown() {
        loop.close();
    }
}
