package io.jasyncio;

/**
 * Test stub of the frame base class with the ABI of docs/ABI.md, and a hand-driven "loop": a pending
 * future suspends the whole chain; {@link #resume} delivers the next value to the innermost frame and
 * runs the chain until it suspends again or completes.
 */
public abstract class Coroutine<T> implements Awaitable<T> {
    public static final Object SUSPENDED = new Object();
    Coroutine<?> caller;
    Coroutine<?> innermost;
    Object resumeValue;
    Throwable resumeFailure;
    /** Set when the chain completed. */
    public Object result;
    public Throwable failure;
    public boolean finished;

    protected Coroutine() {
    }

    protected abstract Object invokeBody();

    public StackTraceElement suspendedAt() {
        return null;
    }

    public static Object awaitStart(Object awaitable, Coroutine<?> frame) {
        if (awaitable instanceof Future<?> f) {
            if (f.done) {
                return f.value;
            }
            root(frame).innermost = frame;
            return SUSPENDED;
        }
        if (awaitable instanceof Coroutine<?> child) {
            child.caller = frame;
            Object r = child.invokeBody();
            if (r != SUSPENDED) {
                child.caller = null;
            }
            return r;
        }
        if (awaitable == null) {
            throw new NullPointerException("await(null)");
        }
        throw new IllegalArgumentException("cannot await " + awaitable);
    }

    public static Object resumeValue(Coroutine<?> frame) {
        Coroutine<?> root = root(frame);
        Throwable t = root.resumeFailure;
        Object v = root.resumeValue;
        root.resumeFailure = null;
        root.resumeValue = null;
        if (t != null) {
            throw Coroutine.<RuntimeException>sneaky(t);
        }
        return v;
    }

    public static void closeFailed(Throwable bodyFailure, Throwable closeFailure) {
        closeFailure.addSuppressed(bodyFailure);
        throw Coroutine.<RuntimeException>sneaky(closeFailure);
    }

    public static <T> Coroutine<T> ofResult(Object value) {
        return new Coroutine<T>() {
            @Override
            protected Object invokeBody() {
                return value;
            }
        };
    }

    /** Starts this coroutine as a root: runs until the first suspension or completion. */
    public final Coroutine<T> start() {
        innermost = this;
        drive(this, false);
        return this;
    }

    /** Delivers a value (or a Throwable as failure) to the suspended await and runs on. */
    public final Coroutine<T> resume(Object value, boolean asFailure) {
        if (asFailure) {
            resumeFailure = (Throwable) value;
        } else {
            resumeValue = value;
        }
        drive(innermost, true);
        return this;
    }

    /** The innermost suspended frame (for suspendedAt). */
    public final Coroutine<?> innermost() {
        return innermost;
    }

    private void drive(Coroutine<?> frame, boolean resumed) {
        for (;;) {
            Object r;
            Throwable t = null;
            try {
                r = frame.invokeBody();
            } catch (Throwable e) {
                r = null;
                t = e;
            }
            if (t == null && r == SUSPENDED) {
                return;
            }
            Coroutine<?> parent = frame.caller;
            frame.caller = null;
            if (parent == null) {
                finished = true;
                result = r;
                failure = t;
                return;
            }
            resumeValue = r;
            resumeFailure = t;
            frame = parent;
        }
    }

    private static Coroutine<?> root(Coroutine<?> frame) {
        while (frame.caller != null) {
            frame = frame.caller;
        }
        return frame;
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
