package io.jasyncio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * asyncio's {@code _SelectorSocketTransport}, for TCP and Unix-domain stream sockets. Reads land in the
 * loop's shared read buffer and go to the protocol as a view (no allocation per read).
 *
 * <p>Writes are coalesced per callback, as uvloop coalesces them per iteration: a small write made on the
 * loop thread is copied into the write queue, and when the callback (a task step, a protocol's
 * dataReceived) returns, the loop sends the whole queue in one gathering write. A stream handler that
 * answers several messages of one read therefore costs one syscall, not one per message. A large write
 * (over {@link #DEFER_LIMIT} or the high-water mark), or one from outside the loop, goes to the socket
 * at once; what the socket refuses stays queued and is flushed when it is writable.
 */
final class SocketTransport implements Transport, EventLoop.IoHandler {
    private static final int MAX_GATHER = 16;
    /** Writes up to this many bytes in total per callback wait for the flush when it returns. */
    static final int DEFER_LIMIT = 16 * 1024;

    private final EventLoop loop;
    private final SocketChannel channel;
    private final SelectionKey key;
    private Protocol protocol;
    /** Completed once connectionMade has run (create_connection waits for it); may be null. */
    private Future<Void> waiter;
    private final Server server;

    private final ArrayDeque<ByteBuffer> writeQueue = new ArrayDeque<>(4);
    private ByteBuffer[] gather;
    private int bufferSize;
    private int highWater = DEFAULT_HIGH_WATER;
    private int lowWater = DEFAULT_LOW_WATER;
    private boolean protocolPaused;
    /** The queue holds writes of the running callback that were not offered to the socket yet. */
    private boolean deferred;

    private int interest;
    private boolean reading = true;
    private boolean closing;
    private boolean eof;
    private boolean connLost;
    private boolean protocolConnected;

    SocketTransport(EventLoop loop, SocketChannel channel, Protocol protocol, Future<Void> waiter, Server server) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.protocol = protocol;
        this.waiter = waiter;
        this.server = server;
        this.key = SelectorEvents.attach(loop, channel, this);
        if (server != null) {
            server.attach(this);
        }
        // As asyncio: connectionMade runs in the next iteration, and reading starts only after it.
        loop.enqueue(this::start);
    }

    private void start() {
        if (connLost) {
            failWaiter(new java.net.SocketException("connection closed before it was made"));
            return;
        }
        try {
            protocolConnected = true;
            protocol.connectionMade(this);
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.connectionMade() call failed.");
            failWaiter(t);
            return;
        }
        if (reading && !closing) {
            addInterest(SelectionKey.OP_READ);
        }
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.isDone()) {
                w.setResult(null);
            }
        }
    }

    private void failWaiter(Throwable t) {
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.isDone()) {
                w.setException(t);
            }
        }
    }

    // ---------------------------------------------------------------- readiness

    @Override
    public void onReady(SelectionKey k) {
        if (!k.isValid()) {
            return;
        }
        int ready = k.readyOps();
        if ((ready & SelectionKey.OP_READ) != 0) {
            readReady();
        }
        if ((ready & SelectionKey.OP_WRITE) != 0 && !connLost) {
            writeReady();
        }
    }

    private void readReady() {
        if (!reading || closing) {
            return;
        }
        ByteBuffer buf = SelectorEvents.readBuffer(loop);
        buf.clear();
        int n;
        try {
            n = channel.read(buf);
        } catch (IOException e) {
            fatalError(e, "Fatal read error on socket transport");
            return;
        }
        if (n > 0) {
            buf.flip();
            try {
                protocol.dataReceived(buf);
            } catch (Throwable t) {
                fatalError(t, "Fatal error: protocol.dataReceived() call failed.");
            }
        } else if (n < 0) {
            readEof();
        }
    }

    private void readEof() {
        boolean keepOpen;
        try {
            keepOpen = protocol.eofReceived();
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.eofReceived() call failed.");
            return;
        }
        if (keepOpen) {
            removeInterest(SelectionKey.OP_READ);   // the peer is done sending; we may still write
            reading = false;
        } else {
            close();
        }
    }

    private void writeReady() {
        if (!writeQueued()) {
            return;
        }
        maybeResumeProtocol();
        if (bufferSize == 0) {
            removeInterest(SelectionKey.OP_WRITE);
            if (closing) {
                connLost = true;
                callConnectionLost(null);
            } else if (eof) {
                shutdownOutput();
            }
        }
    }

    /** Sends the deferred writes once the callback that made them returned (called by the loop). */
    void flushDeferred() {
        if (!deferred || connLost) {
            return;   // already sent by a large write, or dropped by abort
        }
        deferred = false;
        writeReady();
        if (bufferSize > 0 && !connLost) {
            addInterest(SelectionKey.OP_WRITE);   // the socket refused part: wait until it is writable
        }
    }

    /** Offers the queue to the socket in one (gathering) write; false if that failed and closed us. */
    private boolean writeQueued() {
        int n = Math.min(writeQueue.size(), MAX_GATHER);
        long written;
        try {
            if (n == 1) {
                written = channel.write(writeQueue.peekFirst());
            } else {
                ByteBuffer[] g = gather;
                if (g == null) {
                    g = gather = new ByteBuffer[MAX_GATHER];
                }
                int i = 0;
                for (ByteBuffer b : writeQueue) {
                    if (i == n) {
                        break;
                    }
                    g[i++] = b;
                }
                written = channel.write(g, 0, n);
                java.util.Arrays.fill(g, 0, n, null);
            }
        } catch (IOException e) {
            fatalError(e, "Fatal write error on socket transport");
            return false;
        }
        bufferSize -= (int) written;
        for (ByteBuffer b; (b = writeQueue.peekFirst()) != null && !b.hasRemaining(); ) {
            SelectorEvents.recycleChunk(loop, writeQueue.pollFirst());
        }
        return true;
    }

    // ---------------------------------------------------------------- writing

    @Override
    public void write(ByteBuffer data) {
        if (eof) {
            throw new IllegalStateException("Cannot call write() after writeEof()");
        }
        if (connLost || !data.hasRemaining()) {
            return;   // as asyncio: writes to a lost connection are dropped (the protocol heard connectionLost)
        }
        if (bufferSize == 0 || deferred) {
            int n = data.remaining();
            if (bufferSize + n <= Math.min(DEFER_LIMIT, highWater) && loop.isRunningInThisThread()) {
                enqueue(data);   // small, on the loop: one syscall for all of this callback's writes
                if (!deferred) {
                    deferred = true;
                    loop.deferFlush(this);
                }
                return;
            }
            if (deferred) {   // a large write: what was deferred goes first, in order
                deferred = false;
                if (!writeQueued()) {
                    return;
                }
            }
        }
        if (bufferSize == 0) {
            try {
                channel.write(data);
            } catch (IOException e) {
                fatalError(e, "Fatal write error on socket transport");
                return;
            }
            if (!data.hasRemaining()) {
                return;
            }
            addInterest(SelectionKey.OP_WRITE);
        } else if ((interest & SelectionKey.OP_WRITE) == 0) {
            addInterest(SelectionKey.OP_WRITE);   // left over from a deferred flush just now
        }
        enqueue(data);
        maybePauseProtocol();
    }

    /** Copies the unsent rest, appending to the queue's last chunk when it has room. */
    private void enqueue(ByteBuffer data) {
        int n = data.remaining();
        bufferSize += n;
        ByteBuffer tail = writeQueue.peekLast();
        if (tail != null && tail.capacity() - tail.limit() >= n) {
            int pos = tail.position();
            int lim = tail.limit();
            tail.limit(lim + n).position(lim);
            tail.put(data);
            tail.position(pos);
            return;
        }
        // The head chunk comes from the loop's spares; a backlog behind it (a slow peer) is left on the heap.
        ByteBuffer copy = tail == null && n <= SelectorEvents.WRITE_CHUNK_SIZE ? SelectorEvents.writeChunk(loop)
                : ByteBuffer.allocate(Math.max(n, SelectorEvents.WRITE_CHUNK_SIZE));
        copy.put(data).flip();
        writeQueue.addLast(copy);
    }

    private void maybePauseProtocol() {
        if (bufferSize <= highWater || protocolPaused) {
            return;
        }
        protocolPaused = true;
        try {
            protocol.pauseWriting();
        } catch (Throwable t) {
            reportProtocolError("protocol.pauseWriting() failed", t);
        }
    }

    private void maybeResumeProtocol() {
        if (protocolPaused && bufferSize <= lowWater) {
            protocolPaused = false;
            try {
                protocol.resumeWriting();
            } catch (Throwable t) {
                reportProtocolError("protocol.resumeWriting() failed", t);
            }
        }
    }

    @Override
    public void writeEof() {
        if (closing || eof) {
            return;
        }
        eof = true;
        if (bufferSize == 0) {
            shutdownOutput();
        }
    }

    private void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            fatalError(e, "Fatal error shutting down the socket's output");
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public int getWriteBufferSize() {
        return bufferSize;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        if (low < 0) {
            low = high / 4;
        }
        if (high < low || low < 0) {
            throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") must be >= 0");
        }
        highWater = high;
        lowWater = low;
        maybePauseProtocol();
    }

    @Override
    public int getWriteBufferHighWater() {
        return highWater;
    }

    @Override
    public int getWriteBufferLowWater() {
        return lowWater;
    }

    // ---------------------------------------------------------------- reading control

    @Override
    public void pauseReading() {
        if (closing || !reading) {
            return;
        }
        reading = false;
        removeInterest(SelectionKey.OP_READ);
    }

    @Override
    public void resumeReading() {
        if (closing || reading) {
            return;
        }
        reading = true;
        if (protocolConnected) {
            addInterest(SelectionKey.OP_READ);
        }
    }

    @Override
    public boolean isReading() {
        return reading && !closing;
    }

    private void addInterest(int op) {
        setInterest(interest | op);
    }

    private void removeInterest(int op) {
        setInterest(interest & ~op);
    }

    private void setInterest(int ops) {
        interest = SelectorEvents.updateInterest(key, interest, ops);
    }

    // ---------------------------------------------------------------- closing

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        removeInterest(SelectionKey.OP_READ);
        if (bufferSize == 0) {
            connLost = true;
            removeInterest(SelectionKey.OP_WRITE);
            loop.enqueue(() -> callConnectionLost(null));
        }
    }

    @Override
    public void abort() {
        if (deferred && !connLost) {
            deferred = false;
            writeQueued();   // what an immediate write would already have sent; the rest is dropped
        }
        forceClose(null);
    }

    /** An I/O or protocol failure: reports what is not a plain socket error, then closes at once. */
    private void fatalError(Throwable exc, String message) {
        if (!(exc instanceof IOException)) {
            reportProtocolError(message, exc);
        }
        forceClose(exc);
    }

    private void forceClose(Throwable exc) {
        if (connLost) {
            return;
        }
        if (bufferSize > 0) {
            writeQueue.clear();
            bufferSize = 0;
        }
        closing = true;
        connLost = true;
        setInterest(0);
        loop.enqueue(() -> callConnectionLost(exc));
    }

    private void callConnectionLost(Throwable exc) {
        try {
            if (protocolConnected) {
                protocol.connectionLost(exc);
            }
        } catch (Throwable t) {
            reportProtocolError("protocol.connectionLost() failed", t);
        } finally {
            SelectorEvents.closeQuietly(channel);
            if (server != null) {
                server.detach(this);
            }
        }
    }

    private void reportProtocolError(String message, Throwable t) {
        if (t instanceof VirtualMachineError vme && !(t instanceof StackOverflowError)) {
            throw vme;
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", message);
        context.put("exception", t);
        context.put("transport", this);
        context.put("protocol", protocol);
        loop.callExceptionHandler(context);
    }

    // ---------------------------------------------------------------- info

    @Override
    public Protocol getProtocol() {
        return protocol;
    }

    @Override
    public void setProtocol(Protocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public EventLoop getLoop() {
        return loop;
    }

    @Override
    public Object getExtraInfo(String name) {
        try {
            return switch (name) {
                case "peername" -> channel.getRemoteAddress();
                case "sockname" -> channel.getLocalAddress();
                case "socket" -> channel;
                default -> null;
            };
        } catch (IOException e) {
            return null;   // a closed socket has no addresses
        }
    }

    @Override
    public String toString() {
        return "SocketTransport[" + (connLost ? "closed " : closing ? "closing " : "") + channel + "]";
    }
}
