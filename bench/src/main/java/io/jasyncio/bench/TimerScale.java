package io.jasyncio.bench;

import io.jasyncio.EventLoop;
import io.jasyncio.TimerHandle;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Workload 6: 1,000,000 {@code callLater} calls with random delays under 1 ms, every other one
 * cancelled, the rest fired by the loop. Prints ns per call, per cancel and per fired timer (the
 * firing figure includes dropping the cancelled half from the heap), the median of the measured
 * rounds after warm-up rounds. Usage: {@code TimerScale [timers] [warmups] [rounds]}.
 */
public final class TimerScale {
    private TimerScale() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        double[] schedule = new double[rounds];
        double[] cancel = new double[rounds];
        double[] fire = new double[rounds];
        try (EventLoop loop = new EventLoop()) {
            for (int r = -warmups; r < rounds; r++) {
                double[] t = round(loop, n);
                if (r >= 0) {
                    schedule[r] = t[0];
                    cancel[r] = t[1];
                    fire[r] = t[2];
                }
            }
        }
        new ResultLine("timers_callLater", "jasyncio").put("n", n).put("ns_per_op", median(schedule))
                .put("ns_per_op_min", min(schedule)).print();
        new ResultLine("timers_cancel", "jasyncio").put("n", n / 2).put("ns_per_op", median(cancel))
                .put("ns_per_op_min", min(cancel)).print();
        new ResultLine("timers_fire", "jasyncio").put("n", n - n / 2).put("ns_per_op", median(fire))
                .put("ns_per_op_min", min(fire)).print();
    }

    /** One round: ns per callLater, per cancel, per fired timer. */
    private static double[] round(EventLoop loop, int n) {
        SplittableRandom random = new SplittableRandom(42);
        double[] delays = new double[n];
        for (int i = 0; i < n; i++) {
            delays[i] = random.nextDouble() * 1e-3;
        }
        TimerHandle[] handles = new TimerHandle[n];
        int[] fired = new int[1];
        Runnable callback = () -> fired[0]++;

        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            handles[i] = loop.callLater(delays[i], callback);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i += 2) {
            handles[i].cancel();
        }
        long t2 = System.nanoTime();
        double last = 0;
        for (TimerHandle h : handles) {
            last = Math.max(last, h.when());
        }
        loop.callAt(last, loop::stop);   // due last (and scheduled last): stops once all have fired
        long t2b = System.nanoTime();
        loop.runForever();
        long t3 = System.nanoTime();
        int expected = n - (n + 1) / 2;
        if (fired[0] != expected) {
            throw new AssertionError("fired " + fired[0] + " timers, expected " + expected);
        }
        return new double[] {
            (t1 - t0) / (double) n,
            (t2 - t1) / (double) ((n + 1) / 2),
            (t3 - t2b) / (double) expected,
        };
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double min(double[] xs) {
        return Arrays.stream(xs).min().orElse(Double.NaN);
    }
}
