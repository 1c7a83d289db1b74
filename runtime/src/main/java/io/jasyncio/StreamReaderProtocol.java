package io.jasyncio;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * asyncio's {@code StreamReaderProtocol} with its {@code FlowControlMixin}: adapts a transport's callbacks
 * to a {@link StreamReader} and a {@link StreamWriter}, tracks whether writing is paused (what
 * {@code drain()} waits on), and for servers starts the client-connected handler as a task.
 */
final class StreamReaderProtocol implements Protocol {
    private final EventLoop loop;
    private final StreamReader reader;
    private final ClientConnectedCallback clientConnected;
    private Transport transport;
    private StreamWriter writer;
    private boolean overSsl;
    private boolean paused;
    private boolean connectionLost;
    private List<Future<Void>> drainWaiters;
    final Future<Void> closed;

    StreamReaderProtocol(EventLoop loop, StreamReader reader, ClientConnectedCallback clientConnected) {
        this.loop = loop;
        this.reader = reader;
        this.clientConnected = clientConnected;
        this.closed = new Future<>(loop);
    }

    StreamReader reader() {
        return reader;
    }

    Transport transport() {
        return transport;
    }

    /** Re-points the protocol at the TLS transport after startTls. */
    void upgraded(Transport tls) {
        transport = tls;
        overSsl = true;
    }

    @Override
    public void connectionMade(Transport t) {
        transport = t;
        overSsl = t.getExtraInfo("sslcontext") != null;
        reader.setTransport(t);
        if (clientConnected == null) {
            return;
        }
        writer = new StreamWriter(t, this, reader);
        Coroutine<Void> c = clientConnected.handle(reader, writer);
        if (c == null) {
            return;
        }
        Task<Void> task = loop.createTask(c);
        task.addCallback(() -> {
            if (task.isCancelled()) {
                transport.close();
            } else if (task.failure != null) {
                Map<String, Object> context = new LinkedHashMap<>();
                context.put("message", "Unhandled exception in client_connected_cb");
                context.put("exception", task.failure);
                context.put("transport", transport);
                task.markRetrieved();
                loop.callExceptionHandler(context);
                transport.close();
            }
        });
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        reader.feedData(data);
    }

    @Override
    public boolean eofReceived() {
        reader.feedEof();
        return !overSsl;   // keep a TCP connection half-open so the writer can still answer; TLS cannot
    }

    @Override
    public void connectionLost(Throwable exc) {
        if (exc == null) {
            reader.feedEof();
        } else {
            reader.setException(exc);
        }
        if (!closed.isDone()) {
            if (exc == null) {
                closed.setResult(null);
            } else {
                closed.setException(exc);
                closed.markRetrieved();   // reported to whoever awaits waitClosed(), not as "never retrieved"
            }
        }
        connectionLost = true;
        List<Future<Void>> ws = drainWaiters;
        drainWaiters = null;
        if (paused && ws != null) {
            for (Future<Void> w : ws) {
                if (!w.isDone()) {
                    if (exc == null) {
                        w.setResult(null);
                    } else {
                        w.setException(exc);
                    }
                }
            }
        }
    }

    @Override
    public void pauseWriting() {
        paused = true;
    }

    @Override
    public void resumeWriting() {
        paused = false;
        List<Future<Void>> ws = drainWaiters;
        if (ws != null) {
            drainWaiters = null;
            for (Future<Void> w : ws) {
                if (!w.isDone()) {
                    w.setResult(null);
                }
            }
        }
    }

    /** Whether this protocol serves an accepted connection (start_tls then takes the server side). */
    boolean isServerSide() {
        return clientConnected != null;
    }

    boolean isConnectionLost() {
        return connectionLost;
    }

    boolean isPaused() {
        return paused;
    }

    /** A future that completes when writing may go on (resumeWriting or the connection ends). */
    Future<Void> drainWaiter() {
        Future<Void> w = new Future<>(loop);
        if (drainWaiters == null) {
            drainWaiters = new ArrayList<>(2);
        }
        drainWaiters.add(w);
        return w;
    }

    void forgetDrainWaiter(Future<Void> w) {
        if (drainWaiters != null) {
            drainWaiters.remove(w);
        }
    }
}
