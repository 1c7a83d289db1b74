package io.jasyncio;

import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Python's asynchronous generator: an {@code @Async} body that yields elements through an
 * {@link Emitter}, iterated by {@code async for} and closed with {@link #aclose()}.
 * <pre>{@code
 * @Async static Coroutine<Void> numbers(Emitter<Integer> out) {
 *     for (int i = 0; i < 3; i++) {
 *         await(sleep(1));
 *         await(out.emit(i));             // yield i
 *     }
 *     return completed();
 * }
 *
 * try (var g = AsyncGenerator.of(out -> numbers(out))) {
 *     for (; await(g.hasNext()); ) {
 *         System.out.println(g.next());
 *     }
 * }                                       // an early exit closes it: its finally blocks run
 * }</pre>
 *
 * <p>As in Python, the body runs inside the consumer's task: awaiting {@code hasNext()} resumes the
 * body's frames as children of the awaiting frame, and {@code emit} detaches them again and resumes the
 * consumer, both through the task's step loop (see docs/ABI.md, "Async generators"). Passing an element
 * costs no allocation, no future and no loop iteration. The body may emit from coroutines it awaits
 * (not from other tasks). A generator is iterated once; it may be consumed by different tasks one after
 * the other, but a step while another is in progress fails ("already running").
 */
public final class AsyncGenerator<T> implements AsyncIterable<T>, AsyncIterator<T> {
    private static final byte CREATED = 0;
    private static final byte RUNNING = 1;    // a step is in progress: the body runs or awaits
    private static final byte PARKED = 2;     // the body is suspended at an emit
    private static final byte FINISHED = 3;

    private Function<? super Emitter<T>, ? extends Coroutine<?>> factory;
    private byte state = CREATED;
    /** Whether the step in progress is a close: the body must finish, not emit. */
    private boolean closing;
    /** The innermost frame of the body while it is parked at an emit. */
    private Coroutine<?> suspendedAt;
    /** The value passed to emit, until the emit is awaited. */
    private T pending;
    private T element;
    private boolean hasElement;

    /** Made on the first step (a frame made and never run would be reported in debug mode). */
    private Root root;
    private final Emission emission = new Emission();
    private final Step advance = new Step(null, null);
    private final Close close = new Close();

    private AsyncGenerator(Function<? super Emitter<T>, ? extends Coroutine<?>> factory) {
        this.factory = factory;
    }

    /**
     * A generator whose body is {@code body.apply(emitter)}, typically an {@code @Async} method:
     * {@code AsyncGenerator.of(out -> numbers(out))}. The body is made on the first step, not here.
     */
    public static <T> AsyncGenerator<T> of(Function<? super Emitter<T>, ? extends Coroutine<?>> body) {
        if (body == null) {
            throw new NullPointerException("AsyncGenerator.of: body is null");
        }
        return new AsyncGenerator<>(body);
    }

    /** An async generator is its own iterator, as in Python. */
    @Override
    public AsyncIterator<T> iterator() {
        return this;
    }

    /**
     * Python's {@code anext()}: runs the body to its next emit (true) or its end (false); a failure of the
     * body is thrown at the await. Answers at once while an element waits for {@link #next()}.
     */
    @Override
    public Awaitable<Boolean> hasNext() {
        if (hasElement) {
            return FrameAwaitable.TRUE;
        }
        return state == FINISHED ? FrameAwaitable.FALSE : advance;
    }

    @Override
    public T next() {
        if (!hasElement) {
            throw new NoSuchElementException("next() without an awaited hasNext() that answered true");
        }
        T e = element;
        element = null;
        hasElement = false;
        return e;
    }

    /**
     * Python's {@code asend(value)}: like {@code hasNext()}, but the suspended emit returns
     * {@code value}. An element not taken with {@code next()} is dropped. Only null can be sent to a
     * generator that has not started.
     */
    public Awaitable<Boolean> asend(Object value) {
        return new Step(value, null);
    }

    /**
     * Python's {@code athrow(e)}: throws {@code failure} at the suspended emit, then as {@code hasNext()}
     * (true if the body emits again, false if it finishes, its failure thrown otherwise). A generator that
     * has not started or has finished throws {@code failure} at once and is done.
     */
    public Awaitable<Boolean> athrow(Throwable failure) {
        if (failure == null) {
            throw new NullPointerException("athrow: failure is null");
        }
        return new Step(null, failure);
    }

    /**
     * Python's {@code aclose()}: throws a {@link GeneratorExitException} at the suspended emit so the
     * body's finally blocks run (they may await). The body ending, normally or with that exception,
     * completes the close; another failure is thrown; an emit fails the close with
     * IllegalStateException. Closing a generator that never started or has finished does nothing.
     */
    public Awaitable<Void> aclose() {
        return close;
    }

    /** What try-with-resources awaits: {@link #aclose()} (the block's failure is not thrown in). */
    @Override
    public Awaitable<?> closeAsync(Throwable failure) {
        return close;
    }

    /** Python's {@code ag_running}: whether a step is in progress. */
    public boolean isRunning() {
        return state == RUNNING;
    }

    /** Whether the body has finished or the generator was closed: no more elements will come. */
    public boolean isDone() {
        return state == FINISHED;
    }

    @Override
    public String toString() {
        String s = switch (state) {
            case CREATED -> "created";
            case RUNNING -> "running";
            case PARKED -> "suspended";
            default -> "done";
        };
        return "AsyncGenerator[" + s + "]";
    }

    // ---------------------------------------------------------------- the protocol

    /**
     * Starts or resumes the body as a child of {@code consumer} (hand-off through the task's step loop),
     * delivering {@code sent} or {@code thrown} to the parked emit.
     */
    private Object resume(Coroutine<?> consumer, Object sent, Throwable thrown, boolean close) {
        Task<?> task = consumer.task;
        closing = close;
        element = null;
        hasElement = false;
        if (state == CREATED) {
            Function<? super Emitter<T>, ? extends Coroutine<?>> f = factory;
            factory = null;
            state = FINISHED;   // until the body exists: a failing body function ends the generator
            Coroutine<?> body = f.apply(emission);
            if (body == null) {
                throw new NullPointerException("AsyncGenerator: the body function returned null");
            }
            root = new Root();
            root.bindTask(task);
            body.bindTask(task);
            body.caller = root;
            root.caller = consumer;
            state = RUNNING;
            return task.resumeThrough(body, null, null);
        }
        Coroutine<?> frame = suspendedAt;
        suspendedAt = null;
        if (root.task != task) {
            // Consumed by another task than last time: the parked chain (innermost up to the root) moves.
            for (Coroutine<?> f = frame; f != null; f = f.caller) {
                f.task = task;
            }
        }
        root.caller = consumer;
        state = RUNNING;
        return task.resumeThrough(frame, sent, thrown);
    }

    private static IllegalStateException alreadyRunning(String what) {
        return new IllegalStateException(what + ": asynchronous generator is already running");
    }

    /** An await of hasNext(), asend or athrow. */
    private final class Step extends FrameAwaitable<Boolean> {
        private final Object sent;
        private final Throwable thrown;

        Step(Object sent, Throwable thrown) {
            this.sent = sent;
            this.thrown = thrown;
        }

        @Override
        Object awaitFrom(Coroutine<?> consumer) {
            switch (state) {
                case RUNNING:
                    throw alreadyRunning(thrown != null ? "athrow()" : sent != null ? "asend()" : "anext()");
                case FINISHED:
                    hasElement = false;
                    element = null;
                    if (thrown != null) {
                        throw Throwables.sneaky(thrown);
                    }
                    return Boolean.FALSE;
                case CREATED:
                    if (thrown != null) {
                        state = FINISHED;
                        factory = null;
                        throw Throwables.sneaky(thrown);
                    }
                    if (sent != null) {
                        throw new IllegalArgumentException("can't send non-null value to a just-started async generator");
                    }
                    return resume(consumer, null, null, false);
                default:
                    return resume(consumer, sent, thrown, false);
            }
        }
    }

    /** An await of aclose(). */
    private final class Close extends FrameAwaitable<Void> {
        @Override
        Object awaitFrom(Coroutine<?> consumer) {
            switch (state) {
                case RUNNING:
                    throw alreadyRunning("aclose()");
                case PARKED:
                    return resume(consumer, null, new GeneratorExitException(), true);
                default:
                    state = FINISHED;   // not started (its body is never made) or already finished
                    factory = null;
                    hasElement = false;
                    element = null;
                    return null;
            }
        }
    }

    /** The emitter, and the await of the awaitable its emit returns (one object, reused). */
    private final class Emission extends FrameAwaitable<Object> implements Emitter<T> {
        @Override
        @SuppressWarnings("unchecked")
        public <S> Awaitable<S> emit(T value) {
            pending = value;
            return (Awaitable<S>) (Awaitable<?>) this;
        }

        @Override
        Object awaitFrom(Coroutine<?> frame) {
            Task<?> task = frame.task;
            if (state != RUNNING || task != root.task) {
                pending = null;
                throw new IllegalStateException("emit() awaited outside its generator's body: an Emitter works only"
                        + " in the body's task, while the generator runs");
            }
            // Detach the body's chain from the consumer and park it at this emit.
            Coroutine<?> consumer = root.caller;
            root.caller = null;
            suspendedAt = frame;
            state = PARKED;
            T value = pending;
            pending = null;
            if (closing) {
                closing = false;
                return task.resumeThrough(consumer, null, new IllegalStateException("async generator ignored GeneratorExit"));
            }
            element = value;
            hasElement = true;
            return task.resumeThrough(consumer, Boolean.TRUE, null);
        }

        @Override
        public String toString() {
            return "Emitter[" + AsyncGenerator.this + "]";
        }
    }

    /**
     * The frame between the body and its consumer: the step loop resumes it when the body ends, and it
     * turns the body's end into the step's answer (false, or null for a close) instead of the body's value.
     */
    private final class Root extends Coroutine<Object> {
        @Override
        protected Object invokeBody() {
            boolean close = closing;
            closing = false;
            state = FINISHED;
            try {
                resumeValue(this);
            } catch (GeneratorExitException e) {
                if (close) {
                    return null;
                }
                throw e;
            }
            return close ? null : Boolean.FALSE;
        }

        @Override
        public String toString() {
            return "AsyncGenerator.Root[" + AsyncGenerator.this + "]";
        }
    }
}
