package io.jasyncio.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workload 8: the HTTP sample under wrk. Each server of {@link HttpServers} in turn answers
 * {@code GET /hello} (13-byte body, keep-alive) in this JVM while wrk, a separate process, loads it:
 * {@code wrk -t1 -c<N> -d<secs> --latency}. One warm-up run (the JIT), then {@code rounds} measured runs;
 * requests/s, p50 and p99 are the medians over the rounds. Any non-2xx answer or socket error fails the
 * run. Server CPU per request is the JVM's process CPU time over the measured runs (the driver only waits
 * for wrk, so it is the server's threads, JIT and GC) divided by the requests wrk counted; for the
 * single-loop servers the loop thread's own share is printed too.
 *
 * <p>Usage: {@code HttpThroughput [seconds] [warmupSeconds] [rounds] [connections,...] [servers,...]}
 * (defaults 5, 3, 3, "50", "jasyncio,netty-nio,netty-epoll,vt,vt-jdk-httpserver"). wrk is taken from
 * {@code $WRK} or the PATH.
 */
public final class HttpThroughput {
    static final String[][] SERVERS = {
        {"jasyncio", "jasyncio HttpServer sample (streams, 1 loop)"},
        {"netty-nio", "Netty " + nettyVersion() + " HTTP, NIO, 1 event loop"},
        {"netty-epoll", "Netty " + nettyVersion() + " HTTP, epoll, 1 event loop"},
        {"vt", "virtual threads, blocking HTTP/1.1, thread per connection"},
        {"vt-jdk-httpserver", "virtual threads, JDK com.sun.net.httpserver"},
    };

    private HttpThroughput() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int[] conns = Arrays.stream((args.length > 3 ? args[3] : "50").split(",")).mapToInt(Integer::parseInt).toArray();
        List<String> servers = Arrays.asList((args.length > 4 ? args[4] : "jasyncio,netty-nio,netty-epoll,vt,vt-jdk-httpserver").split(","));
        String wrk = System.getenv().getOrDefault("WRK", "wrk");
        for (int n : conns) {
            for (String[] s : SERVERS) {
                if (!servers.contains(s[0])) {
                    continue;
                }
                String why = HttpServers.unavailable(s[0]);
                if (why != null) {
                    System.out.println("(skipped " + s[0] + ": " + why + ")");   // not JSON: report.py ignores it
                    continue;
                }
                try (BenchServer server = HttpServers.start(s[0])) {
                    check(server.port());
                    Result r = measure(wrk, server, n, seconds, warmup, rounds);
                    ResultLine line = new ResultLine("http_hello", s[1]).put("server", s[0]).put("connections", n)
                            .put("requests_per_s", r.rps).put("requests_per_s_min", r.rpsMin)
                            .put("requests_per_s_max", r.rpsMax).put("p50_ms", r.p50).put("p99_ms", r.p99)
                            .put("server_cpu", r.cpuShare).put("server_cpu_ns_per_req", r.cpuPerRequest);
                    if (r.loopCpuPerRequest >= 0) {
                        line.put("loop_thread_cpu_ns_per_req", r.loopCpuPerRequest);
                    }
                    line.put("seconds", seconds).put("rounds", rounds).put("wrk_threads", 1).print();
                }
            }
        }
    }

    private static String nettyVersion() {
        Package p = io.netty.channel.Channel.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v != null ? v : "4.1";
    }

    /** One request by hand before wrk: the answer must be exactly what every server sends. */
    static void check(int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + HttpServers.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String reply = all.toString(StandardCharsets.ISO_8859_1);
            String lower = reply.toLowerCase(Locale.ROOT);
            if (!reply.startsWith("HTTP/1.1 200") || !lower.contains("content-length: 13")
                    || !lower.contains("content-type: text/plain") || !reply.endsWith("\r\n\r\nHello, World!")) {
                throw new IllegalStateException("unexpected answer to GET " + HttpServers.PATH + ":\n" + reply);
            }
        }
    }

    record Result(double rps, double rpsMin, double rpsMax, double p50, double p99, double cpuShare,
                  double cpuPerRequest, double loopCpuPerRequest) {
    }

    record Wrk(double rps, double p50, double p99, long requests) {
    }

    static Result measure(String wrk, BenchServer server, int connections, double seconds, double warmup, int rounds)
            throws Exception {
        String url = "http://127.0.0.1:" + server.port() + HttpServers.PATH;
        runWrk(wrk, url, connections, warmup);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Thread loop = server.thread();
        long cpu0 = os.getProcessCpuTime();
        long loop0 = loop != null ? mx.getThreadCpuTime(loop.getId()) : 0;
        long wall0 = System.nanoTime();
        List<Wrk> runs = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            runs.add(runWrk(wrk, url, connections, seconds));
        }
        long wall = System.nanoTime() - wall0;
        long cpu = os.getProcessCpuTime() - cpu0;
        long loopCpu = loop != null ? mx.getThreadCpuTime(loop.getId()) - loop0 : -1;
        long requests = runs.stream().mapToLong(Wrk::requests).sum();
        double[] rps = runs.stream().mapToDouble(Wrk::rps).sorted().toArray();
        return new Result(rps[rounds / 2], rps[0], rps[rounds - 1], median(runs.stream().mapToDouble(Wrk::p50).toArray()),
                median(runs.stream().mapToDouble(Wrk::p99).toArray()), cpu / (double) wall, cpu / (double) requests,
                loop != null ? loopCpu / (double) requests : -1);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** Runs wrk to completion and parses its report; fails on non-2xx/3xx answers or socket errors. */
    static Wrk runWrk(String wrk, String url, int connections, double seconds) throws IOException, InterruptedException {
        String duration = Math.max(1, Math.round(seconds)) + "s";   // wrk takes whole seconds (or m, h)
        List<String> cmd = List.of(wrk, "-t1", "-c" + connections, "-d" + duration, "--latency", url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited with " + rc + ":\n" + output);
        }
        if (output.contains("Non-2xx or 3xx responses")) {
            throw new IllegalStateException("non-2xx answers under wrk:\n" + output);
        }
        Matcher errors = ERRORS.matcher(output);
        if (errors.find() && (Long.parseLong(errors.group(1)) + Long.parseLong(errors.group(2))
                + Long.parseLong(errors.group(3)) + Long.parseLong(errors.group(4))) > 0) {
            throw new IllegalStateException("socket errors under wrk:\n" + output);
        }
        Matcher rps = RPS.matcher(output);
        Matcher total = TOTAL.matcher(output);
        if (!rps.find() || !total.find() || Long.parseLong(total.group(1)) == 0) {
            throw new IllegalStateException("no requests completed under wrk:\n" + output);
        }
        return new Wrk(Double.parseDouble(rps.group(1)), percentile(output, "50%"), percentile(output, "99%"),
                Long.parseLong(total.group(1)));
    }

    /** A line of wrk's "Latency Distribution", e.g. {@code 99%  1.23ms}, in milliseconds. */
    static double percentile(String output, String which) {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE).matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + which + " latency in wrk's output:\n" + output);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1e3;
            case "ms" -> v;
            case "s" -> v * 1e3;
            default -> v * 60e3;
        };
    }
}
