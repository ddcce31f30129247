package dev.sparkcputour.primes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.holdenkarau.spark.testing.JavaRDDComparisons;
import dev.sparkcputour.harness.Harness;
import dev.sparkcputour.kernel.PrimeKernel;
import dev.sparkcputour.kernel.TrialDivision;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.spark.TaskFaults;
import dev.sparkcputour.support.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.LongStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(SharedSpark.class)
class SparkPrimesTest {

    @Test
    void theRddHoldsExactlyThePrimesBelowOneThousand(JavaSparkContext sc) {
        List<Long> expected = LongStream.range(0, 1000).filter(TrialDivision::isPrime).boxed().toList();
        assertEquals(168, expected.size());
        PartitionPlan plan = PartitionPlan.balanced(1000, 6);
        JavaRDD<Long> primes = sc.parallelize(List.of(0, 1, 2, 3, 4, 5), 6).flatMap(partition -> {
            List<Long> found = new ArrayList<>();
            plan.forEachRange(partition, (from, to) -> LongStream.range(from, to).filter(TrialDivision::isPrime)
                    .forEach(found::add));
            return found.iterator();
        });
        JavaRDDComparisons.assertRDDEquals(sc.parallelize(expected), primes);
    }

    @ParameterizedTest(name = "N={0}, P={1}")
    @CsvSource({"0, 1, 0", "2, 3, 0", "3, 2, 1", "100, 7, 25", "1000000, 1, 78498", "1000000, 13, 78498",
        "2000000, 16, 148933"})
    void countsAsOneJobOverAnyPartitioning(long n, int partitions, long expected, JavaSparkContext sc) {
        for (PrimeKernel kernel : PrimeKernel.values()) {
            assertEquals(expected, SparkPrimes.countPrimes(sc, PartitionPlan.forKernel(kernel, n, partitions), kernel,
                    TaskFaults.NONE), kernel.cliName());
        }
    }

    @Test
    void theSieveReachesTenToTheNinthOnSegmentsOfOneJob(JavaSparkContext sc) {
        // π(10^9), each of 8 tasks sieving a contiguous eighth with the broadcast base primes
        assertEquals(50_847_534L, SparkPrimes.countPrimes(sc, PartitionPlan.contiguous(1_000_000_000L, 8),
                PrimeKernel.SIEVE, TaskFaults.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PrimeKernel.class)
    void allStrategiesAgreeWithSerial(PrimeKernel kernel, JavaSparkContext sc) throws Exception {
        PrimesParams params = new PrimesParams(300_000, kernel, 3, OptionalInt.empty());
        try (SparkHandle spark = SparkHandle.wrap(sc)) {
            Report report = new Harness(0, 2, line -> { })
                    .run(PrimeStrategies.trials(PrimeStrategies.ALL, params, spark), spark);
            String suffix = kernel == PrimeKernel.TRIAL ? "" : "-sieve";
            assertEquals(List.of("serial" + suffix, "threads" + suffix, "spark" + suffix),
                    report.runs().stream().map(RunResult::strategy).toList());
            for (RunResult run : report.runs()) {
                assertEquals("25997", run.answer(), run.strategy());
                assertEquals(2, run.seconds().size());
                assertEquals(kernel.cliName(), run.params().get("kernel"));
            }
            assertEquals(true, report.allAgree());
        }
    }

    @Test
    void aFailedSparkJobIsDescribedInOneLineNamingTheStage(JavaSparkContext sc) {
        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> sc.parallelize(List.of(1, 2, 3), 3).map(x -> {
                    throw new IllegalStateException("boom in task " + x);
                }).count());
        String line = dev.sparkcputour.MainAccess.describe(failure);
        assertEquals(false, line.contains("\n"));
        org.junit.jupiter.api.Assertions.assertTrue(line.startsWith("Job aborted due to stage failure"), line);
        org.junit.jupiter.api.Assertions.assertTrue(line.contains("stage"), line);
    }

    @Test
    void theSparkJobIsLabelledForTheUi(JavaSparkContext sc) {
        PrimesParams params = new PrimesParams(10_000, PrimeKernel.TRIAL, 1, OptionalInt.of(4));
        try (SparkHandle spark = SparkHandle.wrap(sc)) {
            assertEquals(1229, new SparkPrimes().countPrimes(params, spark));
            int lastJob = sc.statusTracker().getJobIdsForGroup("primes-spark")[0];
            int[] stages = sc.statusTracker().getJobInfo(lastJob).stageIds();
            String name = sc.sc().statusStore().lastStageAttempt(stages[0]).name();
            assertEquals("count primes by trial division, 4 balanced partitions", name);
            String description = sc.sc().statusStore().job(lastJob).description().get();
            assertEquals("primes · spark · N=10,000 · 4 partitions", description);
        }
    }
}
