package io.jasyncio;

/**
 * What {@code sleep(delay, result)} returns: a hand-written coroutine that starts its timer only when
 * awaited (as Python's sleep does) and cancels it if the sleeper is cancelled. {@code sleep(0)}
 * yields to the loop for exactly one iteration.
 */
final class SleepCoroutine<T> extends Coroutine<T> implements Runnable {
    /** The delay until the body first runs, then NaN (the constructor rejects NaN): "started", no label field. */
    private double delay;
    private final T result;
    private TimerHandle timer;
    private Future<T> wakeUp;

    SleepCoroutine(double delay, T result) {
        if (Double.isNaN(delay)) {
            throw new IllegalArgumentException("sleep: delay is NaN");
        }
        this.delay = delay;
        this.result = result;
    }

    @Override
    protected Object invokeBody() {
        double d = delay;
        if (d == d) {   // not NaN: the first run
            delay = Double.NaN;
            if (d <= 0) {
                return task.yieldOnce(this);
            }
            wakeUp = new Future<>(task.loop);
            timer = task.loop.callLater(d, this);
            return task.suspendOn(wakeUp, this);
        }
        try {
            resumeValue(this);
            return result;
        } finally {
            if (timer != null) {
                timer.cancel();   // cancelled early: don't leave the timer in the heap
                timer = null;
            }
            wakeUp = null;
        }
    }

    /** The timer fired. */
    @Override
    public void run() {
        Future<T> f = wakeUp;
        if (f != null && !f.isDone()) {
            f.setResult(result);
        }
    }
}
