package io.jasyncio;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * asyncio's {@code StreamReader}: the receiving half of a stream connection. The protocol feeds it bytes;
 * the read methods return coroutines that complete when enough has arrived. Reading is paused on the
 * transport while more than twice the limit is buffered, and resumed once a reader has taken it down
 * to the limit, so a slow consumer holds back a fast peer instead of buffering without bound.
 *
 * <p>Only one coroutine may wait for data at a time. The reads are hand-written coroutines: when the
 * bytes are already buffered, awaiting one completes at once, without a trip through the loop.
 */
public final class StreamReader {
    /** Python's {@code _DEFAULT_LIMIT}: 64 KiB. */
    public static final int DEFAULT_LIMIT = 64 * 1024;
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] NEWLINE = {'\n'};
    /** What an attempt returns when it has to wait for more data. */
    private static final Object WAIT = new Object();

    private final int limit;
    private byte[] buf = EMPTY;
    private int start;
    private int end;
    private boolean eof;
    private Future<Void> waiter;
    private Throwable exception;
    private Transport transport;
    private boolean paused;

    public StreamReader() {
        this(DEFAULT_LIMIT);
    }

    /** A reader whose lines and separator-delimited chunks may be at most {@code limit} bytes. */
    public StreamReader(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0");
        }
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    /** The failure the connection ended with, or null. */
    public Throwable exception() {
        return exception;
    }

    /** Makes every pending and later read fail with {@code exc}. */
    public void setException(Throwable exc) {
        exception = exc;
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.isCancelled()) {
                w.setException(exc);
            }
        }
    }

    void setTransport(Transport t) {
        if (transport != null) {
            throw new IllegalStateException("Transport already set");
        }
        transport = t;
    }

    /** Marks the end of the stream: reads return what is left, then empty arrays. */
    public void feedEof() {
        eof = true;
        wakeUpWaiter();
    }

    /** True once the end of the stream was fed and every byte was read. */
    public boolean atEof() {
        return eof && start == end;
    }

    /** Bytes buffered and not yet read. */
    public int buffered() {
        return end - start;
    }

    public void feedData(byte[] data) {
        feedData(ByteBuffer.wrap(data));
    }

    /** Appends the buffer's remaining bytes (copied: the buffer may be reused once this returns). */
    public void feedData(ByteBuffer data) {
        if (eof) {
            throw new IllegalStateException("feedData after feedEof");
        }
        int n = data.remaining();
        if (n == 0) {
            return;
        }
        ensureRoom(n);
        data.get(buf, end, n);
        end += n;
        wakeUpWaiter();
        if (transport != null && !paused && end - start > 2 * limit) {
            try {
                transport.pauseReading();
                paused = true;
            } catch (UnsupportedOperationException e) {
                transport = null;   // this transport cannot pause: the buffer just grows, as in asyncio
            }
        }
    }

    private void ensureRoom(int n) {
        if (buf.length - end >= n) {
            return;
        }
        int size = end - start;
        if (size + n <= buf.length && start >= size) {
            System.arraycopy(buf, start, buf, 0, size);   // cheap compaction: the live part is small
        } else {
            int cap = Math.max(Math.max(buf.length * 2, size + n), 1024);
            byte[] nb = new byte[cap];
            System.arraycopy(buf, start, nb, 0, size);
            buf = nb;
        }
        start = 0;
        end = size;
    }

    private void wakeUpWaiter() {
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.isCancelled()) {
                w.setResult(null);
            }
        }
    }

    private byte[] take(int n) {
        byte[] out = n == 0 ? EMPTY : Arrays.copyOfRange(buf, start, start + n);
        discard(n);
        return out;
    }

    private void discard(int n) {
        start += n;
        if (start == end) {
            start = end = 0;
        }
        if (paused && end - start <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    /** Index (relative to start) of sep at or after offset, or -1. */
    private int find(byte[] sep, int offset) {
        byte first = sep[0];
        int last = end - sep.length;
        outer:
        for (int i = start + offset; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < sep.length; j++) {
                if (buf[i + j] != sep[j]) {
                    continue outer;
                }
            }
            return i - start;
        }
        return -1;
    }

    private boolean startsWith(byte[] sep, int offset) {
        if (end - start - offset < sep.length) {
            return false;
        }
        return Arrays.equals(buf, start + offset, start + offset + sep.length, sep, 0, sep.length);
    }

    // ---------------------------------------------------------------- the reads

    /**
     * Up to {@code n} bytes: what is buffered, or the next bytes to arrive; an empty array at the end of
     * the stream. {@code n < 0} reads until the end of the stream.
     */
    public Coroutine<byte[]> read(int n) {
        return new ReadOp("read") {
            @Override
            Object attempt() {
                if (n == 0) {
                    return EMPTY;
                }
                if (n < 0) {
                    return eof ? take(end - start) : WAIT;
                }
                if (start == end && !eof) {
                    return WAIT;
                }
                return take(Math.min(n, end - start));
            }
        };
    }

    /** Exactly {@code n} bytes; at the end of the stream first, an {@link IncompleteReadException}. */
    public Coroutine<byte[]> readExactly(int n) {
        return new ReadOp("readexactly") {
            @Override
            Object attempt() {
                if (n < 0) {
                    throw new IllegalArgumentException("readexactly size can not be less than zero");
                }
                if (end - start >= n) {
                    return take(n);
                }
                if (eof) {
                    throw new IncompleteReadException(take(end - start), n);
                }
                return WAIT;
            }
        };
    }

    /**
     * Bytes up to and including {@code separator}. Throws {@link LimitOverrunException} when the separator
     * is not within the limit (the data stays buffered), {@link IncompleteReadException} at the end of the
     * stream (the partial data is taken).
     */
    public Coroutine<byte[]> readUntil(byte[] separator) {
        if (separator.length == 0) {
            throw new IllegalArgumentException("Separator should be at least one-byte string");
        }
        return new ReadUntil("readuntil", separator.clone());
    }

    /**
     * One line, ending in {@code \n}; at the end of the stream, what is left (possibly empty). A line over
     * the limit is discarded (through its newline if it arrived) and {@link LimitOverrunException} thrown;
     * Python raises ValueError with the same message there.
     */
    public Coroutine<byte[]> readLine() {
        return new ReadUntil("readline", NEWLINE) {
            @Override
            Object attempt() {
                try {
                    return super.attempt();
                } catch (IncompleteReadException e) {
                    return e.partial();
                } catch (LimitOverrunException e) {
                    if (startsWith(NEWLINE, e.consumed())) {
                        discard(e.consumed() + 1);
                    } else {
                        discard(end - start);
                    }
                    throw e;
                }
            }
        };
    }

    @Override
    public String toString() {
        return "StreamReader[" + (end - start) + " bytes" + (eof ? ", eof" : "") + (paused ? ", paused" : "")
                + (exception != null ? ", exception=" + exception : "") + "]";
    }

    /** readuntil's search state survives waits, so each arrival only scans the new bytes. */
    private class ReadUntil extends ReadOp {
        private final byte[] sep;
        private int offset;

        ReadUntil(String name, byte[] sep) {
            super(name);
            this.sep = sep;
        }

        @Override
        Object attempt() {
            int buflen = end - start;
            if (buflen - offset >= sep.length) {
                int isep = find(sep, offset);
                if (isep >= 0) {
                    if (isep > limit) {
                        throw new LimitOverrunException("Separator is found, but chunk is longer than limit", isep);
                    }
                    return take(isep + sep.length);
                }
                offset = buflen + 1 - sep.length;
                if (offset > limit) {
                    throw new LimitOverrunException("Separator is not found, and chunk exceed the limit", offset);
                }
            }
            if (eof) {
                throw new IncompleteReadException(take(end - start), null);
            }
            return WAIT;
        }
    }

    /**
     * A read as a hand-written coroutine: each attempt either produces the result or asks to wait;
     * waiting is asyncio's {@code _wait_for_data} (one waiter at a time, resume a paused transport).
     */
    private abstract class ReadOp extends Coroutine<byte[]> {
        private final String name;
        private Future<Void> waitingOn;

        ReadOp(String name) {
            this.name = name;
        }

        abstract Object attempt();

        @Override
        protected final Object invokeBody() {
            if (waitingOn != null) {
                if (waiter == waitingOn) {
                    waiter = null;   // woken by cancellation: the reader has no waiter any more
                }
                waitingOn = null;
                resumeValue(this);   // throws the connection's failure, or the cancellation
            }
            if (exception != null) {
                throw Throwables.sneaky(exception);
            }
            Object r = attempt();
            if (r != WAIT) {
                return r;
            }
            if (waiter != null) {
                throw new IllegalStateException(name + "() called while another coroutine is already waiting for incoming data");
            }
            if (paused) {
                paused = false;
                transport.resumeReading();
            }
            Future<Void> w = new Future<>(task.loop);
            waiter = w;
            waitingOn = w;
            return task.suspendOn(w, this);
        }
    }
}
