package io.jasyncio;

import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * asyncio's {@code streams} module functions ({@code open_connection}, {@code start_server} and their Unix
 * forms), behind the one-line entry points in {@link Asyncio}. Each returns a coroutine that does nothing
 * until awaited.
 */
final class Streams {
    private Streams() {
    }

    /** Python's {@code asyncio.start_server} backlog default. */
    static final int DEFAULT_BACKLOG = 100;

    static Coroutine<StreamPair> openConnection(String host, int port, SSLContext ssl, int limit) {
        return new FutureCoroutine<>(loop -> {
            StreamReader reader = new StreamReader(limit);
            StreamReaderProtocol protocol = new StreamReaderProtocol(loop, reader, null);
            Future<SocketChannel> connecting = SelectorEvents.connectTcp(loop, host, port);
            return pair(loop, SelectorEvents.createTransport(loop, connecting, () -> protocol,
                    SslProtocol.clientWrapper(loop, ssl, host)), protocol);
        });
    }

    static Coroutine<StreamPair> openUnixConnection(Path path, int limit) {
        return new FutureCoroutine<>(loop -> {
            StreamReader reader = new StreamReader(limit);
            StreamReaderProtocol protocol = new StreamReaderProtocol(loop, reader, null);
            Future<SocketChannel> connecting = SelectorEvents.connectUnix(loop, path);
            return pair(loop, SelectorEvents.createTransport(loop, connecting, () -> protocol, null), protocol);
        });
    }

    static Coroutine<Server> startServer(ClientConnectedCallback handler, String host, int port, SSLContext ssl, int limit) {
        checkHandler(handler);
        return new FutureCoroutine<>(loop -> Server.createTcp(loop,
                () -> new StreamReaderProtocol(loop, new StreamReader(limit), handler), host, port,
                SslProtocol.serverWrapper(loop, ssl), DEFAULT_BACKLOG));
    }

    static Coroutine<Server> startUnixServer(ClientConnectedCallback handler, Path path, int limit) {
        checkHandler(handler);
        return new FutureCoroutine<>(loop -> Server.createUnix(loop,
                () -> new StreamReaderProtocol(loop, new StreamReader(limit), handler), path, null, DEFAULT_BACKLOG));
    }

    private static void checkHandler(ClientConnectedCallback handler) {
        if (handler == null) {
            throw new NullPointerException("startServer: the client-connected handler is null");
        }
    }

    private static Future<StreamPair> pair(EventLoop loop, Future<Transport> transport, StreamReaderProtocol protocol) {
        return map(loop, transport, t -> new StreamPair(protocol.reader(), new StreamWriter(t, protocol, protocol.reader())));
    }

    /** A future of fn(value) once {@code f} succeeds; failure and cancellation pass through both ways. */
    static <A, B> Future<B> map(EventLoop loop, Future<A> f, Function<A, B> fn) {
        Future<B> out = new Future<>(loop);
        Runnable done = () -> {
            if (out.isDone()) {
                return;
            }
            if (f.isCancelled()) {
                out.cancel();
            } else if (SelectorEvents.failure(f) != null) {
                f.markRetrieved();
                out.setException(SelectorEvents.failure(f));
            } else {
                @SuppressWarnings("unchecked") A v = (A) f.value;
                out.setResult(fn.apply(v));
            }
        };
        if (f.isDone()) {
            done.run();
        } else {
            f.addCallback(done);
            out.addCallback(() -> {
                if (out.isCancelled()) {
                    f.cancel();
                }
            });
        }
        return out;
    }

    /**
     * A new future that completes as {@code src} does, for one awaiter of a shared future (closed, exit):
     * cancelling the awaiter cancels only its follower, never the shared future.
     */
    static <T> Future<T> follow(EventLoop loop, Future<T> src) {
        if (src.isDone()) {
            return src;   // nothing left to cancel
        }
        Future<T> out = new Future<>(loop);
        src.addCallback(() -> {
            if (out.isDone()) {
                return;
            }
            if (src.isCancelled()) {
                out.cancel();
            } else if (SelectorEvents.failure(src) != null) {
                out.setException(SelectorEvents.failure(src));
            } else {
                @SuppressWarnings("unchecked") T v = (T) src.value;
                out.setResult(v);
            }
        });
        return out;
    }
}
