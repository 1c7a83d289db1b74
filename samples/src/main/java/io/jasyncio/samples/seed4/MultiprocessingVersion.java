package io.jasyncio.samples.seed4;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Seed 004, "multiprocessing version": CPU-bound work, where neither the event loop nor Python's threads
 * (held back by the GIL) help and Python reaches for processes. Java threads run on all cores, so a pool
 * of one thread per core plays {@code multiprocessing.Pool}.
 */
public final class MultiprocessingVersion {
    private MultiprocessingVersion() {
    }

    /** {@code sum(i * i for i in range(number))}, exactly: Python's integers do not overflow. */
    static BigInteger cpuBound(int number) {
        long low = 0;
        long carries = 0;   // the sum passes 2^64 for numbers above about 3.8 million
        for (long i = 0; i < number; i++) {
            long next = low + i * i;
            if (Long.compareUnsigned(next, low) < 0) {
                carries++;
            }
            low = next;
        }
        return BigInteger.valueOf(carries).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }

    /** Python's {@code pool.map(cpu_bound, numbers)}: the results in the order of the numbers. */
    static List<BigInteger> findSums(List<Integer> numbers) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<BigInteger>> jobs = new ArrayList<>();
            for (int n : numbers) {
                jobs.add(pool.submit(() -> cpuBound(n)));
            }
            List<BigInteger> sums = new ArrayList<>();
            for (Future<BigInteger> job : jobs) {
                sums.add(job.get());
            }
            return sums;
        } finally {
            pool.shutdown();
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> numbers = new ArrayList<>();
        for (int x = 0; x < 20; x++) {
            numbers.add(5_000_000 + x);
        }
        long startTime = System.nanoTime();
        findSums(numbers);
        double duration = (System.nanoTime() - startTime) / 1e9;
        System.out.println("Duration " + duration + " seconds");
    }
}
