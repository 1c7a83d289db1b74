package io.jasyncio.samples.web;

import io.jasyncio.AsyncCloseable;
import io.jasyncio.Async;
import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;
import java.nio.charset.StandardCharsets;

import static io.jasyncio.Asyncio.completed;

/** aiohttp's {@code ClientResponse}: status and body; {@code async with} releases it. */
public final class ClientResponse implements AsyncCloseable {
    private final int status;
    private final byte[] body;
    private boolean released;

    ClientResponse(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    /** Python's {@code response.status}. */
    public int status() {
        return status;
    }

    /** Python's {@code await response.text()}. */
    @Async
    public Coroutine<String> text() {
        return completed(new String(body, StandardCharsets.UTF_8));
    }

    /** Python's {@code await response.read()}. */
    @Async
    public Coroutine<byte[]> read() {
        return completed(body.clone());
    }

    public boolean isReleased() {
        return released;
    }

    /** aiohttp's synchronous {@code response.close()}. */
    @Override
    public void close() {
        released = true;
    }

    @Override
    public Awaitable<?> closeAsync(Throwable failure) {
        return release();
    }

    @Async
    private Coroutine<Void> release() {
        released = true;
        return completed();
    }
}
