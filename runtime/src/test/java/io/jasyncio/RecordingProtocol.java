package io.jasyncio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A protocol for transport tests: keeps what arrives and the order of the callbacks, and futures for them. */
class RecordingProtocol implements Protocol {
    final EventLoop loop;
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final List<String> events = new ArrayList<>();
    final Future<Transport> made;
    final Future<Throwable> lost;
    final Future<Void> eof;
    Transport transport;
    boolean keepOpenOnEof;
    /** Completed once at least this many bytes arrived. */
    private int wanted = -1;
    private Future<Void> enough;

    RecordingProtocol(EventLoop loop) {
        this.loop = loop;
        made = loop.createFuture();
        lost = loop.createFuture();
        eof = loop.createFuture();
    }

    Future<Void> whenReceived(int n) {
        wanted = n;
        enough = loop.createFuture();
        check();
        return enough;
    }

    private void check() {
        if (enough != null && !enough.isDone() && received.size() >= wanted) {
            enough.setResult(null);
        }
    }

    @Override
    public void connectionMade(Transport t) {
        events.add("made");
        transport = t;
        made.setResult(t);
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (events.isEmpty() || !events.get(events.size() - 1).equals("data")) {
            events.add("data");
        }
        byte[] b = new byte[data.remaining()];
        data.get(b);
        received.writeBytes(b);
        check();
    }

    @Override
    public boolean eofReceived() {
        events.add("eof");
        eof.setResult(null);
        return keepOpenOnEof;
    }

    @Override
    public void connectionLost(Throwable exc) {
        events.add("lost");
        lost.setResult(exc);
        if (enough != null && !enough.isDone()) {
            enough.setException(new AssertionError("connection lost after " + received.size() + " of " + wanted + " bytes", exc));
        }
    }

    @Override
    public void pauseWriting() {
        events.add("pause");
    }

    @Override
    public void resumeWriting() {
        events.add("resume");
    }
}
