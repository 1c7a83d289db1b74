package io.jasyncio.it.fuzz;

import io.jasyncio.Asyncio;
import io.jasyncio.Awaitable;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.util.Random;

/** Hands a woven program its awaitables, completing them on the real loop as the schedule says. */
final class ScheduledSrc implements AsyncSrc {
    private final EventLoop loop;
    private final Schedule schedule;
    private final Random random;
    private final int limit;
    final StringBuilder sites = new StringBuilder();
    int count;

    ScheduledSrc(EventLoop loop, Schedule schedule, int limit) {
        this.loop = loop;
        this.schedule = schedule;
        this.random = new Random(schedule.seed());
        this.limit = limit;
    }

    @Override
    public <T> Awaitable<T> v(int site, T value) {
        int k = count++;
        sites.append(site).append(',');
        if (count > limit) {
            throw new RunawayError(limit);
        }
        Schedule.Mode how = schedule.mode() == Schedule.Mode.MIXED
                ? Schedule.Mode.values()[random.nextInt(3)]
                : schedule.mode();
        if (k == schedule.cancelAt()) {
            // never completes: the cancellation must arrive while the task is suspended on it
            Task<?> task = Asyncio.currentTask();
            loop.callSoon(task::cancel);
            return loop.createFuture();
        }
        Future<T> f = loop.createFuture();
        boolean fail = k == schedule.failAt();
        Runnable complete = () -> {
            if (fail) {
                f.setException(Schedule.failureAt(site));
            } else {
                f.setResult(value);
            }
        };
        switch (how) {
            case IMMEDIATE -> complete.run();
            case SOON -> loop.callSoon(complete);
            default -> {
                if (fail) {
                    loop.callLater(0.25, complete);
                } else {
                    return Asyncio.sleep(0.25, value);
                }
            }
        }
        return f;
    }

    @Override
    public <T> Awaitable<T> deferred(int site, T value) {
        int k = count++;
        sites.append(site).append(',');
        if (count > limit) {
            throw new RunawayError(limit);
        }
        Future<T> f = loop.createFuture();
        Runnable complete = k == schedule.failAt() ? () -> f.setException(Schedule.failureAt(site)) : () -> f.setResult(value);
        int how = schedule.mode() == Schedule.Mode.MIXED ? random.nextInt(3) : schedule.mode().ordinal();
        switch (how) {
            case 0 -> complete.run();
            case 1 -> loop.callSoon(complete);
            // created later, completed sooner: out of creation order
            default -> loop.callLater(Math.max(0.0, 1.0 - k * 0.001), complete);
        }
        return f;
    }
}
