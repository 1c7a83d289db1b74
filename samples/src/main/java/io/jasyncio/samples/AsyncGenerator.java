package io.jasyncio.samples;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.util.function.Function;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.getRunningLoop;

/**
 * Python's asynchronous generator, for Java, which has no {@code yield}: the body is a coroutine that
 * passes each value to {@link Yield#yield} and is parked there until the consumer awaits
 * {@link #anext()} again, so values are made lazily, one per request, as in Python. The body runs in a
 * task of its own, started by the first {@code anext()}. {@code anext()} returns null once the body
 * has returned (Python's StopAsyncIteration), and rethrows what the body threw.
 */
public final class AsyncGenerator<T> {
    /** Where the body hands its values over. */
    public interface Yield<T> {
        /** Python's {@code yield value}: completes when the consumer asks for the next value. */
        Future<Void> yield(T value);
    }

    private final Function<Yield<T>, Coroutine<Void>> body;
    private Task<Void> producer;
    /** The value the consumer is waiting for; set by yield, or at the body's end. */
    private Future<T> next;
    /** Completed to let the body run on to its next yield. */
    private Future<Void> resume;

    public AsyncGenerator(Function<Yield<T>, Coroutine<Void>> body) {
        this.body = body;
    }

    /** Python's {@code __anext__}: the next value, or null when the generator is exhausted. */
    @Async
    public Coroutine<T> anext() {
        if (producer != null && producer.isDone()) {
            return completed(null);
        }
        EventLoop loop = getRunningLoop();
        next = loop.createFuture();
        Future<T> wanted = next;
        if (producer == null) {
            producer = loop.createTask(body.apply(this::handOver));
            producer.addDoneCallback(this::bodyEnded);
        } else {
            resume.setResult(null);
        }
        return completed(await(wanted));
    }

    /** Python's {@code aclose()}: stops a body parked at a yield. */
    public void aclose() {
        if (producer != null) {
            producer.cancel();
        }
    }

    private Future<Void> handOver(T value) {
        resume = producer.getLoop().createFuture();
        next.setResult(value);
        return resume;
    }

    private void bodyEnded(Future<Void> done) {
        if (next == null || next.isDone()) {
            return;
        }
        if (done.isCancelled()) {
            next.cancel();
        } else if (done.exception() != null) {
            next.setException(done.exception());
        } else {
            next.setResult(null);
        }
    }
}
