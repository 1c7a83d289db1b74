package io.jasyncio.shim;

import io.jasyncio.Awaitable;
import io.jasyncio.it.shapes.Src;

/** The synchronous source: values as they are, failures thrown where they are awaited. */
public final class ShimSrc implements Src {
    @Override
    public <T> Awaitable<T> v(T value) {
        return () -> value;
    }

    @Override
    public <T> Awaitable<T> fail(RuntimeException failure) {
        return () -> {
            throw failure;
        };
    }
}
