package io.jasyncio;

/**
 * The connection handler of {@code startServer} (Python's {@code client_connected_cb}): called once per
 * accepted connection; the coroutine it returns runs as a task. An {@code @Async} method reference fits.
 */
@FunctionalInterface
public interface ClientConnectedCallback {
    Coroutine<Void> handle(StreamReader reader, StreamWriter writer);
}
