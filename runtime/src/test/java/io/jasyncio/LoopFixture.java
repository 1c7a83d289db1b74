package io.jasyncio;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Base of the core conformance tests: a fresh loop on virtual time per test, whose exception
 * handler records every report (so a test can assert that exactly the expected ones were made).
 */
abstract class LoopFixture {
    VirtualClock clock;
    EventLoop loop;
    /** Every context the loop's exception handler received. */
    final List<Map<String, Object>> reports = new ArrayList<>();

    @BeforeEach
    void openLoop() {
        clock = new VirtualClock();
        loop = new EventLoop(clock);
        loop.setExceptionHandler((l, context) -> reports.add(context));
    }

    @AfterEach
    void closeLoop() {
        if (!loop.isClosed()) {
            loop.close();
        }
    }

    /** Runs one iteration's worth of ready callbacks (and what is due), then returns. */
    void runOnce() {
        loop.callSoon(loop::stop);
        loop.runForever();
    }

    /** The messages of the reports so far. */
    List<String> reportMessages() {
        List<String> messages = new ArrayList<>();
        for (Map<String, Object> r : reports) {
            messages.add(String.valueOf(r.get("message")));
        }
        return messages;
    }

    /** A future completed with {@code value} after {@code delay} seconds of loop time. */
    <T> Future<T> resultLater(double delay, T value) {
        Future<T> f = loop.createFuture();
        loop.callLater(delay, () -> f.setResult(value));
        return f;
    }

    /** A future failing with {@code failure} after {@code delay} seconds of loop time. */
    <T> Future<T> failLater(double delay, Throwable failure) {
        Future<T> f = loop.createFuture();
        loop.callLater(delay, () -> f.setException(failure));
        return f;
    }
}
