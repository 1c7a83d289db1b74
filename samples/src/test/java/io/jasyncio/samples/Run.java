package io.jasyncio.samples;

import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a sample for a test: on virtual time (a loop over {@link VirtualClock}, so "takes 2 s" is an exact
 * statement about loop time and costs no real time), with what it prints captured line by line.
 */
public final class Run {
    private Run() {
    }

    /** What a run printed, and how much loop time passed. */
    public record Result(List<String> lines, double elapsed) {
    }

    /** Runs the coroutine to completion on a fresh virtual-time loop, then closes the loop. */
    public static Result virtual(Coroutine<?> main) {
        return virtual(loop -> loop.runUntilComplete(main));
    }

    /** Gives the body a fresh virtual-time loop to drive; closes the loop afterwards if the body did not. */
    public static Result virtual(Consumer<EventLoop> body) {
        EventLoop loop = new EventLoop(new VirtualClock());
        double start = loop.time();
        try {
            List<String> lines = captured(() -> body.accept(loop));
            return new Result(lines, loop.time() - start);
        } finally {
            if (!loop.isClosed()) {
                loop.close();
            }
        }
    }

    /** The lines the action printed on System.out (from any thread) while it ran. */
    public static List<String> captured(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        capture.flush();
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
