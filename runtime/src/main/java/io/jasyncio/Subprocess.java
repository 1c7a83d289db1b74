package io.jasyncio;

import java.io.IOException;
import java.util.List;

/**
 * asyncio's {@code asyncio.subprocess.Process}: a child process whose piped stdin, stdout and stderr are
 * a {@link StreamWriter} and {@link StreamReader}s on the loop. The JDK's process pipes only block, so
 * each one is pumped by a daemon thread that hands data to the loop with {@code callSoonThreadsafe};
 * the exit is observed through {@link Process#onExit()}. Exit codes are the JDK's: a child killed by
 * signal N reports 128+N (Python reports -N).
 */
public final class Subprocess {
    private final Process process;
    private final StreamWriter stdin;
    private final StreamReader stdout;
    private final StreamReader stderr;
    private final Future<Integer> exit;
    private Integer returncode;
    /** Set by terminate/kill: the JDK closes the pipes as it destroys the process. */
    private volatile boolean destroyed;

    /** What {@link #communicate} returns: Python's {@code (stdout_data, stderr_data)}; null for a stream not piped. */
    public record Output(byte[] stdout, byte[] stderr) {
    }

    private Subprocess(EventLoop loop, ProcessBuilder pb) throws IOException {
        process = pb.start();
        String name = "jasyncio-subprocess-" + process.pid();
        SubprocessPipes.WritePump stdinPump = null;
        if (pb.redirectInput() == ProcessBuilder.Redirect.PIPE) {
            StreamReaderProtocol p = new StreamReaderProtocol(loop, new StreamReader(), null);
            stdinPump = new SubprocessPipes.WritePump(loop, process.getOutputStream(), p, name + "-stdin");
            stdin = new StreamWriter(stdinPump, p, p.reader());
        } else {
            stdin = null;
        }
        SubprocessPipes.WritePump pump = stdinPump;
        stdout = pb.redirectOutput() == ProcessBuilder.Redirect.PIPE ? pipe(loop, this::ended, process.getInputStream(), name + "-stdout") : null;
        stderr = pb.redirectError() == ProcessBuilder.Redirect.PIPE && !pb.redirectErrorStream()
                ? pipe(loop, this::ended, process.getErrorStream(), name + "-stderr") : null;
        exit = new Future<>(loop);
        process.onExit().thenAccept(p -> {
            try {
                loop.callSoonThreadsafe(() -> {
                    returncode = p.exitValue();
                    if (pump != null) {
                        pump.close();   // nobody reads it any more: let its thread finish
                    }
                    if (!exit.isDone()) {
                        exit.setResult(returncode);
                    }
                });
            } catch (IllegalStateException loopClosed) {
                // no loop left to tell
            }
        });
    }

    private boolean ended() {
        return destroyed || !process.isAlive();
    }

    private static StreamReader pipe(EventLoop loop, java.util.function.BooleanSupplier ended, java.io.InputStream in, String name) {
        StreamReader r = new StreamReader();
        new SubprocessPipes.ReadPump(loop, ended, in, r, name);
        return r;
    }

    /** Python's {@code create_subprocess_exec}: starts the process as the builder says (PIPE: a stream here). */
    static Coroutine<Subprocess> exec(ProcessBuilder pb) {
        return new FutureCoroutine<>(loop -> {
            Future<Subprocess> f = new Future<>(loop);
            try {
                f.setResult(new Subprocess(loop, pb));
            } catch (IOException | RuntimeException e) {
                f.setException(e);
            }
            return f;
        });
    }

    static Coroutine<Subprocess> exec(String program, String... args) {
        List<String> cmd = new java.util.ArrayList<>(args.length + 1);
        cmd.add(program);
        cmd.addAll(List.of(args));
        return exec(new ProcessBuilder(cmd));
    }

    /** The child's stdin, or null if it was not piped. */
    public StreamWriter stdin() {
        return stdin;
    }

    /** The child's stdout, or null if it was not piped. */
    public StreamReader stdout() {
        return stdout;
    }

    /** The child's stderr, or null if it was not piped (or merged into stdout). */
    public StreamReader stderr() {
        return stderr;
    }

    public long pid() {
        return process.pid();
    }

    /** The exit code, or null while the process runs (as seen by the loop). */
    public Integer returncode() {
        return returncode;
    }

    public Process process() {
        return process;
    }

    /**
     * Python's {@code proc.wait()}: the exit code once the process has exited. (Named after
     * {@link Process#waitFor()}: {@code wait()} belongs to {@code Object}.) With a piped stdout the child
     * may block on a full pipe: read it, or use {@link #communicate}.
     */
    public Coroutine<Integer> waitFor() {
        return new FutureCoroutine<>(loop -> Streams.follow(loop, exit));
    }

    /**
     * Python's {@code proc.communicate(input)}: writes {@code input} (may be null) to stdin and closes it,
     * reads stdout and stderr to their ends, waits for the exit.
     */
    public Coroutine<Output> communicate(byte[] input) {
        return new FutureCoroutine<>(loop -> {
            if (input != null) {
                if (stdin == null) {
                    throw new IllegalStateException("communicate: stdin is not piped, cannot send input");
                }
                stdin.write(input);
            }
            if (stdin != null) {
                stdin.close();   // a broken pipe here means the child did not want the input: as Python, ignore it
            }
            Future<byte[]> out = stdout != null ? loop.createTask(stdout.read(-1)) : done(loop, null);
            Future<byte[]> err = stderr != null ? loop.createTask(stderr.read(-1)) : done(loop, null);
            Future<java.util.List<Object>> all = Asyncio.gather(out, err, exit);
            return Streams.map(loop, all, l -> new Output((byte[]) l.get(0), (byte[]) l.get(1)));
        });
    }

    private static <T> Future<T> done(EventLoop loop, T value) {
        Future<T> f = new Future<>(loop);
        f.setResult(value);
        return f;
    }

    /** Asks the process to end (SIGTERM on Unix). */
    public void terminate() {
        destroyed = true;
        process.destroy();
    }

    /** Ends the process at once (SIGKILL on Unix). */
    public void kill() {
        destroyed = true;
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        return "Subprocess[pid=" + process.pid() + (returncode != null ? " returncode=" + returncode : " running") + "]";
    }
}
