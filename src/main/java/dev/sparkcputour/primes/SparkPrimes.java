package dev.sparkcputour.primes;

import dev.sparkcputour.kernel.PrimeKernel;
import dev.sparkcputour.spark.JobLabel;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.spark.TaskFaults;
import dev.sparkcputour.workload.SparkStrategy;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A Spark job over the integer range: the driver parallelizes only the partition numbers, and
 * each task counts the primes in its {@link PartitionPlan} blocks. The plan (three numbers) is
 * captured in the closure, shipped once per stage and deserialised by every task; the sieve's
 * base primes are a broadcast, deserialised once per executor.
 */
public final class SparkPrimes implements PrimeStrategy, SparkStrategy {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Map<String, Object> describe(PrimesParams params, SparkHandle spark) {
        Map<String, Object> out = params.describe();
        out.put("partitions", partitions(params, spark.context()));
        return out;
    }

    @Override
    public long countPrimes(PrimesParams params, SparkHandle spark) {
        PartitionPlan plan = PartitionPlan.forKernel(params.kernel(), params.n(), partitions(params, spark.context()));
        return spark.run(jobLabel(plan, params.kernel()), sc -> countPrimes(sc, plan, params.kernel(), spark.faults()));
    }

    /**
     * Counts the primes of {@code plan} as one job: one task per partition, one long back from
     * each. The sieve's base primes (9,592 ints below 10^10) are broadcast: once per executor,
     * not once per task.
     */
    public static long countPrimes(JavaSparkContext sc, PartitionPlan plan, PrimeKernel kernel, TaskFaults faults) {
        int[] shared = kernel.sharedData(plan.n());
        if (shared.length == 0) {
            return count(sc, plan, kernel, faults, () -> NOTHING);
        }
        Broadcast<int[]> base = sc.broadcast(shared);
        try {
            return count(sc, plan, kernel, faults, base::value);
        } finally {
            base.destroy();
        }
    }

    private static final int[] NOTHING = {};

    /** What tasks read their shared data from: captures a broadcast, never the array itself. */
    private interface Shared extends Serializable {
        int[] get();
    }

    private static long count(JavaSparkContext sc, PartitionPlan plan, PrimeKernel kernel, TaskFaults faults,
                              Shared shared) {
        return faults.inject(partitionNumbers(sc, plan))
                .map(partition -> plan.countPrimes(partition, kernel, shared.get()))
                .fold(0L, Long::sum);
    }

    /** An RDD of 0..P-1, one number in each of P partitions. */
    private static JavaRDD<Integer> partitionNumbers(JavaSparkContext sc, PartitionPlan plan) {
        List<Integer> numbers = IntStream.range(0, plan.partitions()).boxed().toList();
        return sc.parallelize(numbers, plan.partitions());
    }

    private static int partitions(PrimesParams params, JavaSparkContext sc) {
        return params.partitionsFor(sc.defaultParallelism());
    }

    private JobLabel jobLabel(PartitionPlan plan, PrimeKernel kernel) {
        String strategy = label(kernel);
        String description = String.format(Locale.ROOT, "primes · %s · N=%,d · %d partitions",
                strategy, plan.n(), plan.partitions());
        return new JobLabel("primes-" + strategy, description, kernel == PrimeKernel.TRIAL
                ? "count primes by trial division, " + plan.partitions() + " balanced partitions"
                : "count primes with a segmented sieve, " + plan.partitions() + " equal segments");
    }
}
