package io.jasyncio;

import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * asyncio's {@code DatagramProtocol}: the callbacks of a UDP endpoint. As with {@link Protocol}, the
 * datagram's buffer is a view of a reused buffer, valid only during the call.
 */
public interface DatagramProtocol {
    default void connectionMade(DatagramTransport transport) {
    }

    /** One datagram from {@code addr}. */
    default void datagramReceived(ByteBuffer data, SocketAddress addr) {
    }

    /** A send or receive failed (for example ICMP port unreachable on a connected endpoint); the endpoint stays open. */
    default void errorReceived(Throwable exc) {
    }

    /** The endpoint is closed: exc is null for a clean close. */
    default void connectionLost(Throwable exc) {
    }

    default void pauseWriting() {
    }

    default void resumeWriting() {
    }
}
