package io.jasyncio;

import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;

/**
 * asyncio's {@code StreamWriter}: the sending half of a stream connection. {@link #write} never blocks
 * (the transport buffers what the socket refuses); {@link #drain()} is the flow control: it waits while
 * the transport's buffer is over its high-water mark, so a writer that drains keeps its memory bounded.
 */
public final class StreamWriter {
    private Transport transport;
    private final StreamReaderProtocol protocol;
    private final StreamReader reader;

    StreamWriter(Transport transport, StreamReaderProtocol protocol, StreamReader reader) {
        this.transport = transport;
        this.protocol = protocol;
        this.reader = reader;
    }

    public Transport transport() {
        return transport;
    }

    public void write(byte[] data) {
        transport.write(ByteBuffer.wrap(data));
    }

    /** Writes the buffer's remaining bytes (what the socket does not take at once is copied). */
    public void write(ByteBuffer data) {
        transport.write(data);
    }

    public void writeLines(Iterable<byte[]> lines) {
        for (byte[] line : lines) {
            write(line);
        }
    }

    /** Closes the sending side after buffered data (half-close); reading goes on. */
    public void writeEof() {
        transport.writeEof();
    }

    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    /** Closes the connection once buffered data is flushed. */
    public void close() {
        transport.close();
    }

    public boolean isClosing() {
        return transport.isClosing();
    }

    /** Completes when the connection is closed; throws what broke it, if it was lost to an error. */
    public Coroutine<Void> waitClosed() {
        return new FutureCoroutine<>(loop -> Streams.follow(loop, protocol.closed));
    }

    /**
     * Waits until it is fine to write again. Throws the reader's failure if the connection broke, and
     * a SocketException ("Connection lost") once it is closed.
     */
    public Coroutine<Void> drain() {
        return new Drain();
    }

    /** Python's {@code get_extra_info} (see {@link Transport#getExtraInfo}). */
    public Object getExtraInfo(String name) {
        return transport.getExtraInfo(name);
    }

    /** The peer's address ({@code get_extra_info("peername")}): InetSocketAddress or UnixDomainSocketAddress. */
    public SocketAddress peerAddress() {
        return (SocketAddress) transport.getExtraInfo("peername");
    }

    /** This end's address ({@code get_extra_info("sockname")}). */
    public SocketAddress localAddress() {
        return (SocketAddress) transport.getExtraInfo("sockname");
    }

    /**
     * Upgrades the connection to TLS (Python's {@code writer.start_tls}): the client side for a connection
     * this program opened, the server side for one a server accepted. The reader keeps working.
     */
    public Coroutine<Void> startTls(javax.net.ssl.SSLContext context, String serverHostname) {
        return new FutureCoroutine<>(loop -> {
            Future<Transport> f = SslProtocol.startTls(loop, transport, protocol, context, protocol.isServerSide(), serverHostname);
            Future<Void> done = new Future<>(loop);
            f.addCallback(() -> {
                if (SelectorEvents.failure(f) != null) {
                    done.setException(SelectorEvents.failure(f));
                } else if (f.isCancelled()) {
                    done.cancel();
                } else {
                    transport = (Transport) f.value;
                    protocol.upgraded(transport);
                    done.setResult(null);
                }
            });
            return done;
        });
    }

    @Override
    public String toString() {
        return "StreamWriter[" + transport + "]";
    }

    /** drain() as a hand-written coroutine: no allocation beyond itself when writing is not paused. */
    private final class Drain extends Coroutine<Void> {
        private int label;
        private Future<Void> waiter;

        @Override
        protected Object invokeBody() {
            switch (label) {
                case 0:
                    Throwable exc = reader.exception();
                    if (exc != null) {
                        throw Throwables.sneaky(exc);
                    }
                    if (transport.isClosing()) {
                        // Let connectionLost run first, so drain() after close() reports the lost connection.
                        label = 1;
                        return task.yieldOnce(this);
                    }
                    // fall through
                case 1:
                    if (label == 1) {
                        resumeValue(this);
                    }
                    if (protocol.isConnectionLost()) {
                        throw Throwables.sneaky(new SocketException("Connection lost"));
                    }
                    if (!protocol.isPaused()) {
                        return null;
                    }
                    waiter = protocol.drainWaiter();
                    label = 2;
                    return task.suspendOn(waiter, this);
                default:
                    try {
                        resumeValue(this);
                        return null;
                    } finally {
                        protocol.forgetDrainWaiter(waiter);
                        waiter = null;
                    }
            }
        }
    }
}
