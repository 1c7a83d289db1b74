package io.jasyncio;

import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * asyncio's {@code sslproto.SSLProtocol}: TLS on an {@link SSLEngine}, sitting between a plain transport
 * (it is that transport's protocol) and the application's protocol (to which it offers a TLS
 * {@link Transport}). Ciphertext from the socket is unwrapped into plaintext for the application;
 * application writes are wrapped into records and handed to the socket transport, whose buffer and
 * water marks are the flow control. Delegated tasks (certificate checks) run inline, as CPython's ssl does.
 */
final class SslProtocol implements Protocol {
    private static final System.Logger LOG = System.getLogger("io.jasyncio");
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final EventLoop loop;
    private final SSLContext context;
    private final SSLEngine engine;
    private Protocol app;
    private final boolean callConnectionMade;
    private final AppTransport appTransport = new AppTransport();
    private Future<Void> waiter;
    private Transport raw;

    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private ByteBuffer netOut;
    /** Application writes made before the handshake finished. */
    private final ArrayDeque<ByteBuffer> pendingWrites = new ArrayDeque<>();
    private int pendingSize;

    private boolean handshakeDone;
    private boolean appConnected;
    private boolean closing;
    private boolean inboundClosed;
    private boolean lost;

    SslProtocol(EventLoop loop, SSLContext context, Protocol app, boolean serverSide, String serverHostname, boolean callConnectionMade) {
        this.loop = loop;
        this.context = context;
        this.app = app;
        this.callConnectionMade = callConnectionMade;
        if (serverSide) {
            engine = context.createSSLEngine();
            engine.setUseClientMode(false);
        } else {
            engine = serverHostname == null ? context.createSSLEngine() : context.createSSLEngine(serverHostname, -1);
            engine.setUseClientMode(true);
            if (serverHostname != null) {
                // As Python's default context: check the certificate against the name (and send SNI for names).
                SSLParameters params = engine.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                if (!SelectorEvents.isNumeric(serverHostname)) {
                    params.setServerNames(List.of(new SNIHostName(serverHostname)));
                }
                engine.setSSLParameters(params);
            }
        }
        SSLSession s = engine.getSession();
        netIn = ByteBuffer.allocate(s.getPacketBufferSize());
        appIn = ByteBuffer.allocate(s.getApplicationBufferSize() + 64);
        netOut = ByteBuffer.allocate(s.getPacketBufferSize());
    }

    static UnaryOperator<Protocol> clientWrapper(EventLoop loop, SSLContext ssl, String host) {
        return ssl == null ? null : p -> new SslProtocol(loop, ssl, p, false, host, true);
    }

    static UnaryOperator<Protocol> serverWrapper(EventLoop loop, SSLContext ssl) {
        return ssl == null ? null : p -> new SslProtocol(loop, ssl, p, true, null, true);
    }

    /** Python's {@code loop.start_tls}: puts TLS under {@code protocol} on an open transport. */
    static Future<Transport> startTls(EventLoop loop, Transport transport, Protocol protocol, SSLContext ssl,
                                      boolean serverSide, String serverHostname) {
        if (ssl == null) {
            throw new IllegalArgumentException("startTls: an SSLContext is required");
        }
        if (transport.isClosing()) {
            throw new IllegalStateException("startTls: the transport is closing: " + transport);
        }
        SslProtocol tls = new SslProtocol(loop, ssl, protocol, serverSide, serverHostname, false);
        Future<Void> w = new Future<>(loop);
        tls.setWaiter(w);
        transport.setProtocol(tls);
        tls.connectionMade(transport);
        return Streams.map(loop, w, v -> tls.appTransport);
    }

    void setWaiter(Future<Void> waiter) {
        this.waiter = waiter;
    }

    Transport appTransport() {
        return appTransport;
    }

    // ---------------------------------------------------------------- the plain transport's callbacks

    @Override
    public void connectionMade(Transport transport) {
        raw = transport;
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            fail(e);
            return;
        }
        pump();
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (netIn.remaining() < data.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(netIn.capacity() * 2, netIn.position() + data.remaining()));
            netIn.flip();
            bigger.put(netIn);
            netIn = bigger;
        }
        netIn.put(data);
        pump();
    }

    @Override
    public boolean eofReceived() {
        // The socket ended without close_notify (or after it): the application hears EOF, then the close.
        if (!inboundClosed) {
            inboundClosed = true;
            try {
                engine.closeInbound();
            } catch (SSLException truncated) {
                LOG.log(System.Logger.Level.DEBUG, "TLS stream ended without close_notify", truncated);
            }
            if (!handshakeDone) {
                fail(new SocketException("Connection lost during the TLS handshake"));
                return false;
            }
            appEof();
        }
        return false;
    }

    @Override
    public void connectionLost(Throwable exc) {
        lost = true;
        if (appConnected) {
            appConnected = false;
            app.connectionLost(exc);
            return;
        }
        if (waiter != null && !waiter.isDone()) {
            waiter.setException(exc != null ? exc : new SocketException("Connection lost before the TLS handshake finished"));
        }
        if (!callConnectionMade) {
            app.connectionLost(exc);   // start_tls: the application was connected before us
        }
    }

    @Override
    public void pauseWriting() {
        if (appConnected || !callConnectionMade) {
            app.pauseWriting();
        }
    }

    @Override
    public void resumeWriting() {
        if (appConnected || !callConnectionMade) {
            app.resumeWriting();
        }
    }

    // ---------------------------------------------------------------- the engine

    /** Drives the engine as far as the buffered input allows: handshake steps, then application data. */
    private void pump() {
        try {
            while (!lost) {
                SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
                switch (hs) {
                    case NEED_TASK -> {
                        for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
                            task.run();
                        }
                    }
                    case NEED_WRAP -> {
                        if (!wrap(EMPTY)) {
                            return;
                        }
                    }
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        if (!unwrap()) {
                            return;
                        }
                    }
                    default -> {
                        if (!handshakeDone) {
                            handshakeCompleted();
                            continue;
                        }
                        if (!unwrap()) {
                            return;
                        }
                    }
                }
            }
        } catch (SSLException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** Unwraps one record; false when more input is needed or the inbound side closed. */
    private boolean unwrap() throws SSLException {
        if (netIn.position() == 0 || inboundClosed) {
            return false;
        }
        netIn.flip();
        SSLEngineResult r;
        try {
            r = engine.unwrap(netIn, appIn);
        } finally {
            netIn.compact();
        }
        switch (r.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                int need = engine.getSession().getPacketBufferSize();
                if (netIn.capacity() < need) {
                    ByteBuffer bigger = ByteBuffer.allocate(need);
                    netIn.flip();
                    bigger.put(netIn);
                    netIn = bigger;
                }
                return false;
            }
            case BUFFER_OVERFLOW -> {
                deliver();
                if (appIn.position() == 0 && appIn.capacity() < engine.getSession().getApplicationBufferSize()) {
                    appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize() + 64);
                }
                return true;
            }
            case CLOSED -> {
                deliver();
                if (!inboundClosed) {
                    inboundClosed = true;
                    appEof();
                    if (!closing) {
                        startClose();   // answer the peer's close_notify with ours, then close the socket
                    }
                }
                return false;
            }
            default -> {
                deliver();
                return r.bytesConsumed() > 0 || r.bytesProduced() > 0;
            }
        }
    }

    /** Wraps {@code src} (or a handshake message when empty) into one record and sends it. */
    private boolean wrap(ByteBuffer src) throws SSLException {
        for (;;) {
            netOut.clear();
            SSLEngineResult r = engine.wrap(src, netOut);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                netOut = ByteBuffer.allocate(Math.max(netOut.capacity() * 2, engine.getSession().getPacketBufferSize()));
                continue;
            }
            netOut.flip();
            if (netOut.hasRemaining()) {
                raw.write(netOut);
            }
            return r.getStatus() != SSLEngineResult.Status.CLOSED && (r.bytesProduced() > 0 || r.bytesConsumed() > 0);
        }
    }

    private void deliver() {
        if (appIn.position() == 0 || (!appConnected && callConnectionMade)) {
            return;   // before connectionMade, plaintext waits in appIn
        }
        appIn.flip();
        try {
            app.dataReceived(appIn);
        } finally {
            appIn.clear();
        }
    }

    private void handshakeCompleted() throws SSLException {
        handshakeDone = true;
        if (callConnectionMade) {
            appConnected = true;
            app.connectionMade(appTransport);
        }
        Future<Void> w = waiter;
        if (w != null && !w.isDone()) {
            w.setResult(null);
        }
        deliver();
        while (!pendingWrites.isEmpty() && !lost) {
            ByteBuffer b = pendingWrites.pollFirst();
            pendingSize -= b.remaining();
            writeRecords(b);
        }
        if (closing) {
            startClose();
        }
    }

    private void writeRecords(ByteBuffer data) throws SSLException {
        while (data.hasRemaining()) {
            if (!wrap(data)) {
                return;
            }
        }
    }

    private void appEof() {
        if (appConnected || (!callConnectionMade && handshakeDone)) {
            try {
                if (app.eofReceived()) {
                    LOG.log(System.Logger.Level.DEBUG, "returning true from eofReceived() has no effect when using TLS");
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "protocol.eofReceived() failed", e);
            }
        }
    }

    /** Sends close_notify and closes the socket once it is flushed. */
    private void startClose() {
        closing = true;
        engine.closeOutbound();
        try {
            while (!engine.isOutboundDone()) {
                if (!wrap(EMPTY)) {
                    break;
                }
            }
        } catch (SSLException e) {
            LOG.log(System.Logger.Level.DEBUG, "sending close_notify failed", e);
        }
        raw.close();
    }

    /** A TLS failure: the handshake's waiter hears it, and the connection is dropped. */
    private void fail(Throwable e) {
        if (lost) {
            return;
        }
        Future<Void> w = waiter;
        if (w != null && !w.isDone()) {
            w.setException(e);
        } else {
            LOG.log(System.Logger.Level.DEBUG, "TLS failure on " + raw, e);
        }
        try {
            // The engine may hold an alert for the peer: send it before closing.
            if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                wrap(EMPTY);
            }
        } catch (SSLException | RuntimeException ignored) {
            // the alert is a courtesy; the close below is what matters
        }
        raw.abort();
        if (appConnected) {
            appConnected = false;
            app.connectionLost(e);
        }
        lost = true;
    }

    /** The transport the application sees: plaintext in, plaintext out. */
    private final class AppTransport implements Transport {

        @Override
        public void write(ByteBuffer data) {
            if (closing || lost || !data.hasRemaining()) {
                return;
            }
            if (!handshakeDone) {
                ByteBuffer copy = ByteBuffer.allocate(data.remaining());
                copy.put(data).flip();
                pendingWrites.addLast(copy);
                pendingSize += copy.remaining();
                return;
            }
            try {
                writeRecords(data);
            } catch (SSLException e) {
                fail(e);
            }
        }

        @Override
        public void writeEof() {
            throw new UnsupportedOperationException("TLS transports cannot half-close (writeEof)");
        }

        @Override
        public boolean canWriteEof() {
            return false;
        }

        @Override
        public void close() {
            if (closing || lost) {
                return;
            }
            closing = true;
            if (handshakeDone) {
                startClose();
            }
        }

        @Override
        public void abort() {
            closing = true;
            raw.abort();
        }

        @Override
        public boolean isClosing() {
            return closing || raw.isClosing();
        }

        @Override
        public void pauseReading() {
            raw.pauseReading();
        }

        @Override
        public void resumeReading() {
            raw.resumeReading();
        }

        @Override
        public boolean isReading() {
            return raw.isReading();
        }

        @Override
        public int getWriteBufferSize() {
            return raw.getWriteBufferSize() + pendingSize;
        }

        @Override
        public void setWriteBufferLimits(int high, int low) {
            raw.setWriteBufferLimits(high, low);
        }

        @Override
        public int getWriteBufferHighWater() {
            return raw.getWriteBufferHighWater();
        }

        @Override
        public int getWriteBufferLowWater() {
            return raw.getWriteBufferLowWater();
        }

        @Override
        public Protocol getProtocol() {
            return app;
        }

        @Override
        public void setProtocol(Protocol protocol) {
            app = protocol;
        }

        @Override
        public EventLoop getLoop() {
            return loop;
        }

        @Override
        public Object getExtraInfo(String name) {
            SSLSession session = engine.getSession();
            switch (name) {
                case "sslcontext":
                    return context;
                case "ssl_object":
                    return engine;
                case "cipher":
                    return session.getCipherSuite();
                case "tls_version":
                    return session.getProtocol();
                case "peercert":
                    try {
                        return session.getPeerCertificates()[0];
                    } catch (SSLPeerUnverifiedException e) {
                        return null;
                    }
                default:
                    return raw.getExtraInfo(name);
            }
        }

        @Override
        public String toString() {
            return "TlsTransport[" + raw + "]";
        }
    }
}
