package dev.sparkcputour.primes;

import dev.sparkcputour.config.PrimesParams;
import dev.sparkcputour.kernel.TrialDivision;
import dev.sparkcputour.spark.JobLabel;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.spark.TaskFaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A Spark job over the integer range: the driver parallelizes only the partition numbers, and
 * each task counts the primes in its {@link PartitionPlan} blocks. The plan (four numbers) is
 * captured in the closure, shipped once per stage and deserialised by every task.
 */
public final class SparkPrimes implements PrimeStrategy {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public boolean usesSpark() {
        return true;
    }

    @Override
    public Map<String, Object> describe(PrimesParams params, SparkHandle spark) {
        Map<String, Object> out = params.describe();
        out.put("partitions", partitions(params, spark.context()));
        return out;
    }

    @Override
    public long countPrimes(PrimesParams params, SparkHandle spark) {
        PartitionPlan plan = PartitionPlan.balanced(params.n(), partitions(params, spark.context()));
        return spark.run(label(plan), sc -> countPrimes(sc, plan, spark.faults()));
    }

    /** Counts the primes of {@code plan} as one job: one task per partition, one long back from each. */
    public static long countPrimes(JavaSparkContext sc, PartitionPlan plan, TaskFaults faults) {
        return faults.inject(partitionNumbers(sc, plan)).map(plan::countPrimes).fold(0L, Long::sum);
    }

    /** The primes themselves, one RDD element each: for checking, not for counting. */
    public static JavaRDD<Long> primes(JavaSparkContext sc, PartitionPlan plan) {
        return partitionNumbers(sc, plan).flatMap(partition -> {
            List<Long> found = new ArrayList<>();
            plan.forEachRange(partition, (from, to) -> {
                for (long n = from; n < to; n++) {
                    if (TrialDivision.isPrime(n)) {
                        found.add(n);
                    }
                }
            });
            return found.iterator();
        });
    }

    /** An RDD of 0..P-1, one number in each of P partitions. */
    private static JavaRDD<Integer> partitionNumbers(JavaSparkContext sc, PartitionPlan plan) {
        List<Integer> numbers = IntStream.range(0, plan.partitions()).boxed().toList();
        return sc.parallelize(numbers, plan.partitions());
    }

    private static int partitions(PrimesParams params, JavaSparkContext sc) {
        return params.partitionsFor(sc.defaultParallelism());
    }

    private static JobLabel label(PartitionPlan plan) {
        String description = String.format(Locale.ROOT, "primes · spark · N=%,d · %d partitions",
                plan.n(), plan.partitions());
        return new JobLabel("primes-spark", description, "count primes by trial division, "
                + plan.partitions() + " balanced partitions");
    }
}
