package io.jasyncio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A child process's pipes as loop transports. {@link Process} gives only blocking streams, so each pipe
 * is pumped by its own daemon thread (not the default executor: a pump blocks for the child's whole
 * life) and every result is handed to the loop with {@code callSoonThreadsafe}. Backpressure still holds:
 * a paused read pump stops reading the pipe, so the child blocks on a full pipe.
 */
final class SubprocessPipes {
    private SubprocessPipes() {
    }

    private static final int CHUNK = 64 * 1024;

    /** Each pump blocks on its pipe for the child's whole life, so it gets its own daemon thread (see above). */
    private static void startDaemon(Runnable pump, String name) {
        Thread t = new Thread(pump, name);
        t.setDaemon(true);
        t.start();
    }

    /** Pumps a child's stdout or stderr into a StreamReader. */
    static final class ReadPump implements Transport, Runnable {
        private final EventLoop loop;
        private final InputStream in;
        private final StreamReader reader;
        private final Object pauseLock = new Object();
        private boolean paused;   // guarded by pauseLock
        /** A chunk was handed to the loop and not fed yet (guarded by pauseLock): one at a time, so a pause bites at once. */
        private boolean inFlight;
        private volatile boolean closed;

        /** True once the child exited or was destroyed: then the JDK closes its pipes under a blocked reader. */
        private final java.util.function.BooleanSupplier ended;

        ReadPump(EventLoop loop, java.util.function.BooleanSupplier ended, InputStream in, StreamReader reader, String name) {
            this.loop = loop;
            this.ended = ended;
            this.in = in;
            this.reader = reader;
            reader.setTransport(this);
            startDaemon(this, name);
        }

        @Override
        public void run() {
            byte[] buf = new byte[CHUNK];
            try {
                for (;;) {
                    synchronized (pauseLock) {
                        while ((paused || inFlight) && !closed) {
                            pauseLock.wait();
                        }
                        if (closed) {
                            return;
                        }
                    }
                    int n = in.read(buf);
                    if (n < 0) {
                        post(reader::feedEof);
                        return;
                    }
                    byte[] chunk = java.util.Arrays.copyOf(buf, n);
                    synchronized (pauseLock) {
                        inFlight = true;
                    }
                    post(() -> {
                        if (!reader.atEof() && reader.exception() == null) {
                            reader.feedData(chunk);   // may pause us, before the pump reads on
                        }
                        synchronized (pauseLock) {
                            inFlight = false;
                            pauseLock.notifyAll();
                        }
                    });
                }
            } catch (IOException e) {
                if (ended.getAsBoolean()) {
                    // The JDK closes an exited or destroyed child's pipe under a blocked reader ("Stream closed"): EOF.
                    post(reader::feedEof);
                } else {
                    post(() -> reader.setException(e));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void post(Runnable r) {
            try {
                loop.callSoonThreadsafe(r);
            } catch (IllegalStateException loopClosed) {
                closed = true;   // nobody is left to read: the pump just ends
            }
        }

        @Override
        public void pauseReading() {
            synchronized (pauseLock) {
                paused = true;
            }
        }

        @Override
        public void resumeReading() {
            synchronized (pauseLock) {
                paused = false;
                pauseLock.notifyAll();
            }
        }

        @Override
        public boolean isReading() {
            synchronized (pauseLock) {
                return !paused;
            }
        }

        @Override
        public void close() {
            closed = true;
            resumeReading();
            try {
                in.close();
            } catch (IOException ignored) {
                // the child's end is gone already
            }
        }

        @Override
        public void abort() {
            close();
        }

        @Override
        public boolean isClosing() {
            return closed;
        }

        @Override
        public void write(ByteBuffer data) {
            throw new UnsupportedOperationException("a child's output pipe is read-only");
        }

        @Override
        public void writeEof() {
            throw new UnsupportedOperationException("a child's output pipe is read-only");
        }

        @Override
        public boolean canWriteEof() {
            return false;
        }

        @Override
        public int getWriteBufferSize() {
            return 0;
        }

        @Override
        public void setWriteBufferLimits(int high, int low) {
        }

        @Override
        public int getWriteBufferHighWater() {
            return 0;
        }

        @Override
        public int getWriteBufferLowWater() {
            return 0;
        }

        @Override
        public Protocol getProtocol() {
            return null;
        }

        @Override
        public void setProtocol(Protocol protocol) {
            throw new UnsupportedOperationException("a pipe pump feeds its StreamReader directly");
        }

        @Override
        public Object getExtraInfo(String name) {
            return null;
        }

        @Override
        public EventLoop getLoop() {
            return loop;
        }
    }

    /**
     * A child's stdin: writes are queued (copied) for a writer thread; the buffered size drives the
     * protocol's pause/resumeWriting exactly like a socket transport, so {@code drain()} works.
     */
    static final class WritePump implements Transport, Runnable {
        private static final Object EOF = new Object();

        private final EventLoop loop;
        private final OutputStream out;
        private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private Protocol protocol;
        // loop-thread state
        private int bufferSize;
        private int highWater = DEFAULT_HIGH_WATER;
        private int lowWater = DEFAULT_LOW_WATER;
        private boolean protocolPaused;
        private boolean closing;
        private boolean lost;

        WritePump(EventLoop loop, OutputStream out, Protocol protocol, String name) {
            this.loop = loop;
            this.out = out;
            this.protocol = protocol;
            protocol.connectionMade(this);
            startDaemon(this, name);
        }

        @Override
        public void run() {
            Throwable failure = null;
            try {
                for (;;) {
                    Object item = queue.take();
                    if (item == EOF) {
                        break;
                    }
                    byte[] chunk = (byte[]) item;
                    out.write(chunk);
                    out.flush();
                    int n = chunk.length;
                    post(() -> written(n));
                }
            } catch (IOException e) {
                failure = e;   // typically a broken pipe: the child exited or closed its stdin
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    out.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
            Throwable f = failure;
            post(() -> connectionLost(f));
        }

        private void post(Runnable r) {
            try {
                loop.callSoonThreadsafe(r);
            } catch (IllegalStateException loopClosed) {
                // the loop is gone: nothing to tell
            }
        }

        private void written(int n) {
            bufferSize -= n;
            if (protocolPaused && bufferSize <= lowWater) {
                protocolPaused = false;
                protocol.resumeWriting();
            }
        }

        private void connectionLost(Throwable exc) {
            if (lost) {
                return;
            }
            lost = true;
            closing = true;
            queue.clear();
            bufferSize = 0;
            protocol.connectionLost(exc);
        }

        @Override
        public void write(ByteBuffer data) {
            if (closing || lost || !data.hasRemaining()) {
                return;
            }
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            bufferSize += chunk.length;
            queue.add(chunk);
            if (!protocolPaused && bufferSize > highWater) {
                protocolPaused = true;
                protocol.pauseWriting();
            }
        }

        @Override
        public void writeEof() {
            close();
        }

        @Override
        public boolean canWriteEof() {
            return true;
        }

        @Override
        public void close() {
            if (closing) {
                return;
            }
            closing = true;
            queue.add(EOF);   // after what is queued: close flushes first
        }

        @Override
        public void abort() {
            queue.clear();
            close();
        }

        @Override
        public boolean isClosing() {
            return closing;
        }

        @Override
        public void pauseReading() {
            throw new UnsupportedOperationException("a child's stdin is write-only");
        }

        @Override
        public void resumeReading() {
            throw new UnsupportedOperationException("a child's stdin is write-only");
        }

        @Override
        public boolean isReading() {
            return false;
        }

        @Override
        public int getWriteBufferSize() {
            return bufferSize;
        }

        @Override
        public void setWriteBufferLimits(int high, int low) {
            highWater = high;
            lowWater = low < 0 ? high / 4 : low;
        }

        @Override
        public int getWriteBufferHighWater() {
            return highWater;
        }

        @Override
        public int getWriteBufferLowWater() {
            return lowWater;
        }

        @Override
        public Protocol getProtocol() {
            return protocol;
        }

        @Override
        public void setProtocol(Protocol protocol) {
            this.protocol = protocol;
        }

        @Override
        public Object getExtraInfo(String name) {
            return null;
        }

        @Override
        public EventLoop getLoop() {
            return loop;
        }
    }
}
