package io.jasyncio;

import java.nio.ByteBuffer;

/**
 * asyncio's stream {@code Transport}: one connection, driven by the loop, reporting to a {@link Protocol}.
 * Writes never block: what the socket does not take at once is buffered and flushed when it is
 * writable, and the protocol is told to pause while the buffer is over the high-water mark.
 * Not thread-safe: use it on its loop's thread.
 */
public interface Transport {
    /** Default write-buffer high-water mark (bytes): over it, the protocol's pauseWriting is called. */
    int DEFAULT_HIGH_WATER = 64 * 1024;
    /** Default low-water mark: at or under it, a paused protocol's resumeWriting is called. */
    int DEFAULT_LOW_WATER = 16 * 1024;

    /**
     * Sends the bytes between position and limit; the buffer is consumed and may be reused at once. A
     * socket transport coalesces the small writes a loop callback makes into one send when the
     * callback returns (docs/IO.md); what the socket refuses is copied and sent when it is writable.
     */
    void write(ByteBuffer data);

    /** Sends the whole array; the transport copies what it cannot send at once. */
    default void write(byte[] data) {
        write(ByteBuffer.wrap(data));
    }

    /** Closes the sending side once buffered data is flushed (half-close). */
    void writeEof();

    /** Whether {@link #writeEof} is supported (false for TLS). */
    boolean canWriteEof();

    /** Closes after flushing buffered data; the protocol's connectionLost(null) follows. */
    void close();

    /** Closes at once, dropping buffered data; the protocol's connectionLost(null) follows. */
    void abort();

    /** Whether the transport is closing or closed. */
    boolean isClosing();

    /** Stops calling dataReceived until {@link #resumeReading}. */
    void pauseReading();

    void resumeReading();

    boolean isReading();

    /** Bytes accepted by write() but not yet handed to the socket. */
    int getWriteBufferSize();

    /** Sets the high and low water marks (low defaults to high / 4 when negative). */
    void setWriteBufferLimits(int high, int low);

    int getWriteBufferHighWater();

    int getWriteBufferLowWater();

    Protocol getProtocol();

    /** Switches the protocol that gets the callbacks (used when upgrading to TLS). */
    void setProtocol(Protocol protocol);

    /**
     * Python's {@code get_extra_info(name)}: {@code "peername"} and {@code "sockname"} (SocketAddress),
     * {@code "socket"} (the channel), and for TLS {@code "sslcontext"}, {@code "ssl_object"} (the SSLEngine),
     * {@code "peercert"}, {@code "cipher"}; null when unknown.
     */
    Object getExtraInfo(String name);

    /** The loop this transport runs on. */
    EventLoop getLoop();
}
