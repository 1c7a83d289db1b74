package io.jasyncio;

import java.nio.ByteBuffer;

/**
 * asyncio's stream {@code Protocol}: the callbacks a {@link Transport} makes on the loop thread as a
 * connection's life goes by. Every method has an empty default, so a protocol overrides only what it needs.
 *
 * <p>{@link #dataReceived} gets a view of the transport's reused read buffer: it is valid only during the
 * call, so a protocol that keeps bytes must copy them (this is what keeps a read free of allocation).
 */
public interface Protocol {
    /** The connection is up; {@code transport} is the one to write to. */
    default void connectionMade(Transport transport) {
    }

    /** Bytes arrived: read them from {@code data} before returning (the buffer is reused afterwards). */
    default void dataReceived(ByteBuffer data) {
    }

    /**
     * The peer closed its sending side. Return true to keep the connection open for writing (half-close);
     * false (the default) closes the transport.
     */
    default boolean eofReceived() {
        return false;
    }

    /** The connection is closed: {@code exc} is null for a clean close, else what broke it. Called once. */
    default void connectionLost(Throwable exc) {
    }

    /** The transport's write buffer went over its high-water mark: stop producing. */
    default void pauseWriting() {
    }

    /** The write buffer drained to its low-water mark: produce again. */
    default void resumeWriting() {
    }
}
