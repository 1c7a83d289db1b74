package io.jasyncio;

import static io.jasyncio.Asyncio.*;
import static io.jasyncio.IoTesting.ascii;
import static io.jasyncio.IoTesting.run;
import static io.jasyncio.IoTesting.str;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * StreamReader's buffer rules, fed directly (as asyncio's own tests do) for the exact messages, and over
 * a real connection for the read backpressure.
 */
class StreamReaderTest {
    private final EventLoop loop = new EventLoop();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void badArgumentsAreRefusedWithPythonsMessages() {
        assertEquals("Limit cannot be <= 0", assertThrows(IllegalArgumentException.class, () -> new StreamReader(0)).getMessage());
        StreamReader r = new StreamReader();
        assertEquals("Separator should be at least one-byte string",
                assertThrows(IllegalArgumentException.class, () -> r.readUntil(new byte[0])).getMessage());
        assertEquals("readexactly size can not be less than zero",
                assertThrows(IllegalArgumentException.class, () -> run(loop, r.readExactly(-1))).getMessage());
    }

    @Test
    void separatorBeyondTheLimitLeavesTheDataBuffered() {
        StreamReader r = new StreamReader(10);
        r.feedData(ascii("0123456789abc;rest"));
        LimitOverrunException e = assertThrows(LimitOverrunException.class, () -> run(loop, r.readUntil(ascii(";"))));
        assertEquals("Separator is found, but chunk is longer than limit", e.getMessage());
        assertEquals(13, e.consumed());
        assertEquals("0123456789abc;", str(run(loop, r.readExactly(14))));
        assertEquals("rest", str(run(loop, r.read(100))));
    }

    @Test
    void overlongLineIsDiscardedThroughItsNewline() {
        StreamReader r = new StreamReader(4);
        r.feedData(ascii("toolongline\nok\n"));
        LimitOverrunException e = assertThrows(LimitOverrunException.class, () -> run(loop, r.readLine()));
        assertEquals("Separator is found, but chunk is longer than limit", e.getMessage());
        assertEquals("ok\n", str(run(loop, r.readLine())));
    }

    @Test
    void multiByteSeparatorSplitAcrossFeeds() {
        run(loop, splitSeparator());
    }

    @Async
    static Coroutine<Void> splitSeparator() {
        StreamReader r = new StreamReader();
        Task<byte[]> reading = createTask(r.readUntil(ascii("\r\n\r\n")));
        await(sleep(0));
        for (String part : new String[] {"GET / HTTP/1.1\r", "\nHost: x\r\n\r", "\nbody"}) {
            assertFalse(reading.isDone());
            r.feedData(ascii(part));
            await(sleep(0));
        }
        assertEquals("GET / HTTP/1.1\r\nHost: x\r\n\r\n", str(await(reading)));
        r.feedEof();
        try {
            await(r.readUntil(ascii("\n")));
            fail("no separator before EOF");
        } catch (IncompleteReadException e) {
            assertEquals("body", str(e.partial()));
            assertNull(e.expected());
            assertEquals("4 bytes read on a total of undefined expected bytes", e.getMessage());
        }
        assertTrue(r.atEof());
        return completed();
    }

    @Test
    void setExceptionFailsTheWaitingRead() {
        run(loop, exceptionWakesReader());
    }

    @Async
    static Coroutine<Void> exceptionWakesReader() {
        StreamReader r = new StreamReader();
        Task<byte[]> reading = createTask(r.readExactly(10));
        await(sleep(0));
        r.feedData(ascii("12345"));
        await(sleep(0));
        r.setException(new java.net.SocketException("Connection reset"));
        try {
            await(reading);
            fail("the read must fail");
        } catch (Exception e) {
            assertInstanceOf(java.net.SocketException.class, e);
        }
        assertSame(r.exception(), assertThrowsFrom(r));
        return completed();
    }

    static Throwable assertThrowsFrom(StreamReader r) {
        return r.exception();
    }

    @Test
    void readingPausesPastTwiceTheLimitAndResumesAtTheLimit() {
        run(loop, backpressure());
    }

    static Future<StreamWriter> serverWriter;
    static Future<StreamReader> serverReader;

    @Async
    static Coroutine<Void> holdStreams(StreamReader reader, StreamWriter writer) {
        serverReader.setResult(reader);
        serverWriter.setResult(writer);
        return completed();
    }

    @Async
    static Coroutine<Void> backpressure() {
        serverWriter = getRunningLoop().createFuture();
        serverReader = getRunningLoop().createFuture();
        Server server = await(startServer(StreamReaderTest::holdStreams, "127.0.0.1", 0, 1024));
        StreamPair client = await(openConnection("127.0.0.1", server.localAddress().getPort()));
        StreamReader reader = await(serverReader);
        Transport serverSide = await(serverWriter).transport();
        client.writer().write(new byte[5000]);   // one loopback segment: one read on the server
        client.writer().writeEof();
        assertEquals(0, await(reader.readExactly(1))[0]);
        assertFalse(serverSide.isReading(), "over 2 x 1024 buffered: reading paused");
        assertEquals(4999, reader.buffered());
        await(reader.readExactly(4999 - 1024));
        assertTrue(serverSide.isReading(), "down to the limit: reading resumed");
        assertEquals(1024, await(reader.read(-1)).length);
        await(serverWriter).close();
        client.writer().close();
        server.close();   // waitClosed also waits for the accepted connection to close
        await(server.waitClosed());
        return completed();
    }
}
