package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static io.jasyncio.IoTesting.pattern;
import static io.jasyncio.IoTesting.run;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop's low-level I/O: reader/writer callbacks and the sock* operations, on real channels. */
class SelectorEventsTest {
    private final EventLoop loop = new EventLoop();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void readerCallbackRunsWhileDataIsThereAndStopsWhenRemoved() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            source.configureBlocking(false);
            List<String> got = new ArrayList<>();
            Future<Void> done = loop.createFuture();
            ByteBuffer buf = ByteBuffer.allocate(3);   // small: the callback must run more than once
            loop.addReader(source, () -> {
                buf.clear();
                try {
                    int n = source.read(buf);
                    got.add(new String(buf.array(), 0, n));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (String.join("", got).equals("abcdefg")) {
                    assertTrue(loop.removeReader(source));
                    done.setResult(null);
                }
            });
            sink.write(ByteBuffer.wrap("abcdefg".getBytes()));
            run(loop, done);
            assertEquals(List.of("abc", "def", "g"), got);
            assertFalse(loop.removeReader(source), "already removed");
        }
    }

    @Test
    void writerCallbackRunsWhenWritable() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            sink.configureBlocking(false);
            Future<Integer> wrote = loop.createFuture();
            loop.addWriter(sink, () -> {
                loop.removeWriter(sink);
                try {
                    wrote.setResult(sink.write(ByteBuffer.wrap(new byte[] {1, 2})));
                } catch (IOException e) {
                    wrote.setException(e);
                }
            });
            assertEquals(2, run(loop, wrote));
        }
    }

    @Test
    void blockingChannelsAndChannelsOwnedByTransportsAreRefused() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loop.addReader(source, () -> { }));
            assertTrue(e.getMessage().startsWith("addReader: the channel must be non-blocking"), e.getMessage());
        }
        RecordingProtocol p = new RecordingProtocol(loop);
        Server server = run(loop, loop.createServer(() -> p, "127.0.0.1", 0));
        try (SocketChannel peer = SocketChannel.open(server.localAddress())) {
            Transport t = run(loop, p.made);
            SocketChannel ch = (SocketChannel) t.getExtraInfo("socket");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.addReader(ch, () -> { }));
            assertTrue(e.getMessage().contains("is used by transport"), e.getMessage());
        } finally {
            server.close();
        }
    }

    @Test
    void sockOperationsMoveAMegabyteBetweenChannels() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            listener.configureBlocking(false);
            byte[] data = pattern(1 << 20);
            byte[] got = run(loop, sockTransfer(loop, listener, data));
            assertArrayEquals(data, got);
        }
    }

    @Async
    static Coroutine<byte[]> sockTransfer(EventLoop loop, ServerSocketChannel listener, byte[] data) throws IOException {
        SocketChannel client = SocketChannel.open();
        client.configureBlocking(false);
        Future<SocketChannel> accepting = loop.sockAccept(listener);
        await(loop.sockConnect(client, listener.getLocalAddress()));
        SocketChannel server = await(accepting);
        assertFalse(server.isBlocking());
        Future<Void> sending = loop.sockSendAll(client, ByteBuffer.wrap(data));
        ByteBuffer in = ByteBuffer.allocate(data.length + 1);
        while (in.position() < data.length) {
            int n = await(loop.sockRecv(server, in));
            assertTrue(n > 0, "the stream ended early at " + in.position());
        }
        await(sending);
        client.shutdownOutput();
        assertEquals(0, await(loop.sockRecv(server, in)), "0 at the end of the stream");
        client.close();
        server.close();
        return completed(java.util.Arrays.copyOf(in.array(), in.position()));
    }
}
