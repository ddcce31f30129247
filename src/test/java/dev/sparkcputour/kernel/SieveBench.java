package dev.sparkcputour.kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * π(n) by {@link SegmentedSieve} on 1 and 2 threads, run by hand, never by Surefire:
 * {@code java -cp target/classes:target/test-classes dev.sparkcputour.kernel.SieveBench [n] [rounds] [maxThreads]}.
 * Prints wall and CPU seconds per round and their medians: on a shared machine the CPU time is the steadier figure.
 * Every run splits [0, n) into 4 contiguous ranges per thread, as the threads and Spark strategies do.
 */
public final class SieveBench {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private SieveBench() {
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? (long) Double.parseDouble(args[0]) : 10_000_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int maxThreads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int[] base = SegmentedSieve.basePrimes(n);
        System.out.printf(Locale.ROOT, "n=%d segment=%d B chunk=%d B%n", n, SegmentedSieve.SEGMENT_BYTES,
            SegmentedSieve.CHUNK_BYTES);

        double[][] wall = new double[2][rounds];
        double[][] cpu = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int threads = 1; threads <= maxThreads; threads++) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long start = System.nanoTime();
                List<Future<long[]>> parts = new ArrayList<>();
                int ranges = 4 * threads;
                for (int t = 0; t < ranges; t++) {
                    long from = n / ranges * t;
                    long to = t == ranges - 1 ? n : n / ranges * (t + 1);
                    parts.add(pool.submit(() -> {
                        long c0 = CPU.getCurrentThreadCpuTime();
                        long count = SegmentedSieve.countPrimes(from, to, base);
                        return new long[] {count, CPU.getCurrentThreadCpuTime() - c0};
                    }));
                }
                long count = 0;
                long cpuNanos = 0;
                for (Future<long[]> f : parts) {
                    count += f.get()[0];
                    cpuNanos += f.get()[1];
                }
                wall[threads - 1][r] = (System.nanoTime() - start) / 1e9;
                pool.shutdown();
                cpu[threads - 1][r] = cpuNanos / 1e9;
                System.out.printf(Locale.ROOT, "round %d threads %d: %,d primes, wall %.3f s, cpu %.3f s%n",
                    r, threads, count, wall[threads - 1][r], cpu[threads - 1][r]);
            }
        }
        for (int t = 0; t < maxThreads; t++) {
            System.out.printf(Locale.ROOT, "median threads %d: wall %.3f s, cpu %.3f s%n", t + 1, median(wall[t]),
                median(cpu[t]));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
