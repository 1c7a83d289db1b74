package io.jasyncio;

import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

abstract class SslProtocol implements Protocol {
    abstract void setWaiter(Future<Void> waiter);

    abstract Transport appTransport();

    static UnaryOperator<Protocol> clientWrapper(EventLoop loop, SSLContext ssl, String host) {
        if (ssl == null) {
            return null;
        }
        throw new UnsupportedOperationException("TLS not yet");
    }

    static UnaryOperator<Protocol> serverWrapper(EventLoop loop, SSLContext ssl) {
        if (ssl == null) {
            return null;
        }
        throw new UnsupportedOperationException("TLS not yet");
    }

    static Future<Transport> startTls(EventLoop loop, Transport t, Protocol p, SSLContext ssl, boolean server, String host) {
        throw new UnsupportedOperationException("TLS not yet");
    }
}
