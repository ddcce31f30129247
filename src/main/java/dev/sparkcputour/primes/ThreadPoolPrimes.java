package dev.sparkcputour.primes;

import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.parallel.ThreadPools;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * A fixed pool of {@code threads} Java threads working through the same partition plan as the
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
        PartitionPlan plan = PartitionPlan.forKernel(params.kernel(), params.n(), params.partitionsFor(params.threads()));
        int[] shared = params.kernel().sharedData(params.n()); // computed once, read by every thread
        List<Callable<Long>> partitions = IntStream.range(0, plan.partitions())
                .<Callable<Long>>mapToObj(p -> () -> plan.countPrimes(p, params.kernel(), shared))
                .toList();
        return ThreadPools.invokeAll(params.threads(), "primes-worker", partitions).stream()
                .mapToLong(Long::longValue).sum();
    }
}
