package dev.sparkcputour.primes;

import dev.sparkcputour.config.PrimesParams;
import dev.sparkcputour.spark.SparkHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed pool of {@code threads} Java threads working through the same balanced blocks as the
 * Spark job. There is no GIL on the JVM, so unlike the tutorial's threads these scale with cores.
 */
public final class ThreadPoolPrimes implements PrimeStrategy {

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public Map<String, Object> describe(PrimesParams params, SparkHandle spark) {
        Map<String, Object> out = params.describe();
        out.put("threads", params.threads());
        out.put("partitions", params.partitionsFor(params.threads()));
        return out;
    }

    @Override
    public long countPrimes(PrimesParams params, SparkHandle spark) {
        PartitionPlan plan = PartitionPlan.balanced(params.n(), params.partitionsFor(params.threads()));
        ExecutorService pool = Executors.newFixedThreadPool(params.threads(), task -> {
            Thread thread = new Thread(task, "primes-worker");
            thread.setDaemon(true); // never keeps the JVM alive after an interrupted run
            return thread;
        });
        try {
            List<Future<Long>> counts = new ArrayList<>(plan.partitions());
            for (int p = 0; p < plan.partitions(); p++) {
                int partition = p;
                counts.add(pool.submit(() -> plan.countPrimes(partition)));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting primes", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a prime-counting thread failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
