package dev.sparkcputour.kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-filter times of the exact kernels against {@link ReadFloor}, run by hand, never by Surefire:
 * {@code java @conf/java17-opens.args -cp target/classes:target/test-classes:CLASSPATH
 * dev.sparkcputour.kernel.KernelBench [size] [stride] [rounds] [threads]}, with
 * {@code OMP_WAIT_POLICY=passive} in the environment: in this bench, unlike the tool's own runs,
 * ND4J's OpenMP threads otherwise spin on a core throughout (seen with perf), and only the CPU
 * times are worth reading. Each round runs every
 * filter through every contender in turn, so a busy machine slows them alike, and reports the
 * CPU time the threads spent as well: a shared machine disturbs it less than the clock.
 */
public final class KernelBench {

    private static final int FILTERS = 10;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private KernelBench() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int stride = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        INDArray image = RandomArrays.uniform(size, size, 1);
        INDArray stack = RandomArrays.gaussian(FILTERS, 4, 4, 2);
        List<INDArray> filters = new ArrayList<>();
        for (int k = 0; k < FILTERS; k++) {
            // contiguous, as the workload's filters are, and made without an ND4J op: once one has run,
            // ND4J's OpenMP threads spin on the other core for the rest of this bench (not in the tool)
            double[] taps = Arrays.copyOfRange(stack.data().asDouble(), k * 16, (k + 1) * 16);
            filters.add(Nd4j.create(taps, new long[] {4, 4}, DataType.DOUBLE));
        }
        for (INDArray filter : filters) {
            // compared in Java: an ND4J op would wake its OpenMP threads, which then spin on a core
            if (!Arrays.equals(Convolution.VECTOR.convolve(image, filter, stride).data().asDouble(),
                    Convolution.STRIDED.convolve(image, filter, stride).data().asDouble())) {
                throw new AssertionError("vector and strided differ");
            }
        }
        Map<String, IntFunction<Object>> contenders = new LinkedHashMap<>();
        contenders.put("read floor", k -> ReadFloor.readRows(image, 4, stride));
        // what a kernel would pay before its loop without ResultArrays: fresh memory, page-faulted in,
        // the round's ten freed together once all are done, as the workload did
        long side = Convolution.outputSize(size, 4, stride);
        contenders.put("new result", k -> {
            INDArray fresh = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {side, side}, 'c');
            DoubleIndexer pages = (DoubleIndexer) fresh.data().indexer();
            for (long i = 0; i < side * side; i += 4096 / Double.BYTES) {
                pages.put(i, k); // one write per page faults it in, as a kernel's first writes do
            }
            return new Fresh(fresh);
        });
        contenders.put("vector", k -> Convolution.VECTOR.convolve(image, filters.get(k), stride));
        contenders.put("strided", k -> Convolution.STRIDED.convolve(image, filters.get(k), stride));
        // the band decomposition: "filter" k is the k-th of ten bands of output rows, for all filters at once
        BandConvolution bands = new BandConvolution(filters, size, size, stride);
        List<INDArray> bandResults = new ArrayList<>();
        for (int k = 0; k < FILTERS; k++) {
            bandResults.add(ResultArrays.uninitialized(side, side));
        }
        int outputRows = bands.outputHeight();
        contenders.put("bands", k -> {
            bands.convolve(image, 0, outputRows * k / FILTERS, outputRows * (k + 1) / FILTERS, bandResults, 0);
            return k;
        });
        contenders.put("checksum", k -> Checksum.sum(bandResults.get(k)));
        Map<String, double[]> wallMs = new LinkedHashMap<>();
        Map<String, double[]> cpuMs = new LinkedHashMap<>();
        contenders.keySet().forEach(name -> wallMs.put(name, new double[rounds]));
        contenders.keySet().forEach(name -> cpuMs.put(name, new double[rounds]));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long consumed = 0;
        try {
            for (int round = -3; round < rounds; round++) { // three untimed rounds for the JIT
                for (Map.Entry<String, IntFunction<Object>> contender : contenders.entrySet()) {
                    AtomicLong cpuNanos = new AtomicLong();
                    long start = System.nanoTime();
                    consumed += pooled(pool, contender.getValue(), cpuNanos);
                    if (round >= 0) {
                        wallMs.get(contender.getKey())[round] = (System.nanoTime() - start) / 1e6 / FILTERS;
                        cpuMs.get(contender.getKey())[round] = cpuNanos.get() / 1e6 / FILTERS;
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf(Locale.ROOT, "%d×%d image, 4×4 filters, stride %d, %d thread(s), %d rounds of %d filters"
                + " (lanes %s; consumed %d)%n", size, size, stride, threads, rounds, FILTERS,
                VectorConvolution.LANES_AVAILABLE ? "on" : "off", consumed);
        double floor = median(wallMs.get("read floor"));
        double cpuFloor = median(cpuMs.get("read floor"));
        for (String name : contenders.keySet()) {
            double[] wall = wallMs.get(name);
            double[] cpu = cpuMs.get(name);
            System.out.printf(Locale.ROOT, "%-10s ms per filter: median %6.2f, min %6.2f (%.2f× the floor);"
                    + " CPU ms per filter: median %6.2f, min %6.2f (%.2f× the floor)%n", name, median(wall), min(wall),
                    median(wall) / floor, median(cpu), min(cpu), median(cpu) / cpuFloor);
        }
    }

    /** Every filter through {@code work} on the pool, adding the threads' CPU time to {@code cpuNanos}. */
    private static long pooled(ExecutorService pool, IntFunction<Object> work, AtomicLong cpuNanos) throws Exception {
        List<Future<Object>> results = new ArrayList<>();
        for (int k = 0; k < FILTERS; k++) {
            int filter = k;
            results.add(pool.submit((Callable<Object>) () -> {
                long cpu = CPU.getCurrentThreadCpuTime();
                Object result = work.apply(filter);
                cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpu);
                return result;
            }));
        }
        long consumed = 0;
        for (Future<Object> result : results) {
            Object value = result.get();
            consumed += value.hashCode();
            if (value instanceof INDArray array) {
                ResultArrays.recycle(array); // as the workload does once it has counted an iteration
            } else if (value instanceof Fresh fresh) {
                fresh.array().close();
            }
        }
        return consumed;
    }

    /** A fresh array, freed (not recycled) at the end of its round. */
    private record Fresh(INDArray array) {
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
