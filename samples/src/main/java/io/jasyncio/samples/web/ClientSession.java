package io.jasyncio.samples.web;

import io.jasyncio.AsyncCloseable;
import io.jasyncio.Async;
import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

/**
 * The samples' stand-in for aiohttp's {@code ClientSession}: one connection pool shared by many
 * requests, used as {@code async with} (try-with-resources inside an {@code @Async} method). It is built
 * on the JDK's {@link HttpClient}, whose {@code sendAsync} future is awaited directly: the coroutine
 * resumes on the loop thread when the response arrives.
 */
public final class ClientSession implements AsyncCloseable {
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private boolean closed;

    /** Python's {@code session.get(url)}: the response once its status line, headers and body arrived. */
    @Async
    public Coroutine<ClientResponse> get(String url) {
        if (closed) {
            throw new IllegalStateException("Session is closed");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
        HttpResponse<byte[]> response = await(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
        return completed(new ClientResponse(response.statusCode(), response.body()));
    }

    /** aiohttp's {@code await session.close()}. */
    @Async
    public Coroutine<Void> aclose() {
        closed = true;
        return completed();
    }

    @Override
    public Awaitable<?> closeAsync(Throwable failure) {
        return aclose();
    }
}
