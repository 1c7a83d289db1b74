package io.jasyncio;

import static io.jasyncio.IoTesting.ascii;
import static io.jasyncio.IoTesting.pattern;
import static io.jasyncio.IoTesting.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes made by a loop callback are coalesced until it returns (one syscall for all of them), and
 * nothing about ordering, half-close, close or abort changes because of it. Both ends are real loopback
 * sockets on the same loop.
 */
class WriteCoalescingTest {
    private final EventLoop loop = new EventLoop();
    private RecordingProtocol receiver;
    private RecordingProtocol senderProtocol;
    private Server server;
    private Transport sender;

    @BeforeEach
    void connect() {
        receiver = new RecordingProtocol(loop);
        server = run(loop, loop.createServer(() -> receiver, "127.0.0.1", 0));
        senderProtocol = new RecordingProtocol(loop);
        sender = run(loop, loop.createConnection(() -> senderProtocol, "127.0.0.1", server.localAddress().getPort()));
        run(loop, receiver.made);
    }

    @AfterEach
    void closeLoop() {
        server.close();
        loop.close();
    }

    /** Runs the action as a loop callback; returns the write buffer size right after it and one iteration later. */
    private int[] onLoop(Runnable action) {
        Future<int[]> sizes = loop.createFuture();
        loop.callSoon(() -> {
            action.run();
            int during = sender.getWriteBufferSize();
            loop.callSoon(() -> sizes.setResult(new int[] {during, sender.getWriteBufferSize()}));
        });
        return run(loop, sizes);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void smallWritesWaitForTheEndOfTheIterationAndArriveInOrder() {
        byte[] a = ascii("a".repeat(100));
        byte[] b = ascii("b".repeat(200));
        byte[] c = ascii("c".repeat(300));
        int[] sizes = onLoop(() -> {
            sender.write(a);
            sender.write(ByteBuffer.wrap(b));
            sender.write(c);
        });
        assertEquals(600, sizes[0], "held until the callback returns");
        assertEquals(0, sizes[1], "flushed before the next callback ran");
        run(loop, receiver.whenReceived(600));
        assertArrayEquals(concat(a, b, c), receiver.received.toByteArray());
    }

    @Test
    void theNextCallbackOfTheSameIterationFindsThemSent() {
        List<Integer> sizes = new java.util.ArrayList<>();
        Future<Void> both = loop.createFuture();
        loop.callSoon(() -> {
            sender.write(ascii("first"));
            sizes.add(sender.getWriteBufferSize());
        });
        loop.callSoon(() -> {   // queued before the loop ran: the same iteration
            sizes.add(sender.getWriteBufferSize());
            both.setResult(null);
        });
        run(loop, both);
        assertEquals(List.of(5, 0), sizes);
    }

    @Test
    void theCallersBufferMayBeReusedAtOnce() {
        ByteBuffer reused = ByteBuffer.allocate(4);
        onLoop(() -> {
            for (int i = 0; i < 3; i++) {
                reused.clear();
                reused.putInt(i).flip();
                sender.write(reused);
            }
        });
        run(loop, receiver.whenReceived(12));
        ByteBuffer got = ByteBuffer.wrap(receiver.received.toByteArray());
        assertEquals(List.of(0, 1, 2), List.of(got.getInt(), got.getInt(), got.getInt()));
    }

    @Test
    void aLargeWriteSendsWhatWasDeferredFirst() {
        byte[] small1 = ascii("head");
        byte[] big = pattern(SocketTransport.DEFER_LIMIT * 8);
        byte[] small2 = ascii("tail");
        onLoop(() -> {
            sender.write(small1);
            sender.write(big);
            sender.write(small2);
        });
        byte[] expected = concat(small1, big, small2);
        run(loop, receiver.whenReceived(expected.length));
        assertArrayEquals(expected, receiver.received.toByteArray());
    }

    @Test
    void writesUpToTheLimitAreHeldAndOneMoreByteSendsThemAll() {
        byte[] upToLimit = pattern(SocketTransport.DEFER_LIMIT);
        int[] held = onLoop(() -> sender.write(upToLimit));
        assertEquals(SocketTransport.DEFER_LIMIT, held[0]);
        int[] over = onLoop(() -> {
            sender.write(pattern(SocketTransport.DEFER_LIMIT - 1));
            sender.write(new byte[2]);
        });
        assertEquals(0, over[0], "the write that crosses the limit goes to the socket at once, with what was held");
        run(loop, receiver.whenReceived(2 * SocketTransport.DEFER_LIMIT + 1));
    }

    @Test
    void aZeroHighWaterMarkTurnsCoalescingOff() {
        sender.setWriteBufferLimits(0, 0);
        int[] sizes = onLoop(() -> sender.write(ascii("at once")));
        assertEquals(0, sizes[0], "with flow control this tight every write goes out as it is made");
        run(loop, receiver.whenReceived(7));
        assertEquals("[made, data]", receiver.events.toString());
    }

    @Test
    void writesOutsideTheRunningLoopGoOutAtOnce() {
        sender.write(ascii("from the test thread"));
        assertEquals(0, sender.getWriteBufferSize(), "the loop is not running: nothing would flush it");
        run(loop, receiver.whenReceived(20));
    }

    @Test
    void writeEofFollowsTheDeferredBytes() {
        receiver.keepOpenOnEof = true;
        onLoop(() -> {
            sender.write(ascii("last words"));
            sender.writeEof();
        });
        run(loop, receiver.eof);
        assertEquals("last words", IoTesting.str(receiver.received.toByteArray()));
        assertEquals(List.of("made", "data", "eof"), receiver.events);
    }

    @Test
    void closeFlushesTheDeferredBytesThenClosesCleanly() {
        onLoop(() -> {
            sender.write(ascii("goodbye"));
            sender.close();
        });
        assertNull(run(loop, senderProtocol.lost));
        run(loop, receiver.eof);
        assertEquals("goodbye", IoTesting.str(receiver.received.toByteArray()));
    }

    @Test
    void abortStillSendsWhatAnImmediateWriteWouldHaveSent() {
        onLoop(() -> {
            sender.write(ascii("sent before the abort"));
            sender.abort();
        });
        assertNull(run(loop, senderProtocol.lost));
        run(loop, receiver.lost);
        assertEquals("sent before the abort", IoTesting.str(receiver.received.toByteArray()));
    }

    @Test
    void manyConnectionsWritingInOneIterationEachGetTheirOwnBytes() {
        int n = 300;   // more than the loop keeps spare chunks for
        RecordingProtocol[] receivers = new RecordingProtocol[n];
        Transport[] senders = new Transport[n];
        int[] accepted = {0};
        Server many = run(loop, loop.createServer(() -> receivers[accepted[0]++] = new RecordingProtocol(loop), "127.0.0.1", 0));
        for (int i = 0; i < n; i++) {
            senders[i] = run(loop, loop.createConnection(() -> new RecordingProtocol(loop), "127.0.0.1", many.localAddress().getPort()));
        }
        while (accepted[0] < n || receivers[n - 1].transport == null) {
            run(loop, Asyncio.sleep(0));
        }
        Future<Void> written = loop.createFuture();
        loop.callSoon(() -> {
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < n; i++) {
                    senders[i].write(ascii(i + ":" + round + ";"));
                }
            }
            written.setResult(null);
        });
        run(loop, written);
        // connections are accepted in the order they were opened, so receiver i talks to sender i
        for (int i = 0; i < n; i++) {
            String expected = i + ":0;" + i + ":1;" + i + ":2;";
            run(loop, receivers[i].whenReceived(expected.length()));
            assertEquals(expected, IoTesting.str(receivers[i].received.toByteArray()), "connection " + i);
        }
        assertTrue(loop.spareWriteChunks.size() <= 256, "the loop keeps a bounded number of spare chunks");
        many.close();
    }
}
