package io.jasyncio;

import java.net.SocketAddress;
import java.nio.ByteBuffer;

/** asyncio's {@code DatagramTransport}: a UDP endpoint driven by the loop. Not thread-safe. */
public interface DatagramTransport {
    /**
     * Sends one datagram of the buffer's remaining bytes to {@code addr} (null: the connected remote
     * address). A datagram the socket cannot take now is copied and sent when it is writable.
     */
    void sendTo(ByteBuffer data, SocketAddress addr);

    default void sendTo(byte[] data, SocketAddress addr) {
        sendTo(ByteBuffer.wrap(data), addr);
    }

    /** Sends to the connected remote address. */
    default void send(byte[] data) {
        sendTo(ByteBuffer.wrap(data), null);
    }

    /** Closes once queued datagrams are sent. */
    void close();

    /** Closes at once, dropping queued datagrams. */
    void abort();

    boolean isClosing();

    /** Bytes of datagrams queued and not sent yet. */
    int getWriteBufferSize();

    /** {@code "sockname"}, {@code "peername"} (connected endpoints), {@code "socket"}; null when unknown. */
    Object getExtraInfo(String name);

    EventLoop getLoop();
}
