package dev.sparkcputour.prefixes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkcputour.harness.Harness;
import dev.sparkcputour.kernel.PopularPrefixes;
import dev.sparkcputour.kernel.PrefixCounts;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.results.SparkMetrics;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.spark.TaskFaults;
import dev.sparkcputour.support.SharedSpark;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The prefix strategies on one shared local context that retries a failed task once
 * ({@code local[2,2]}): one answer without faults; under injected faults the in-task and
 * driver-shipped states stay exact, and a static map on the executor counts every retried task twice.
 */
@ExtendWith(SharedSpark.class)
@SharedSpark.Master("local[2,2]")
class PrefixesStrategiesTest {

    /** Three shards of 2 documents of the blog's 10,000 words: some 2-byte prefixes become popular too. */
    private static final PrefixesParams PARAMS = new PrefixesParams(7, 3, 2, 10_000, 2);

    /** Every first task attempt fails (after its counting), and is retried once. */
    private static final TaskFaults EVERY_FIRST_ATTEMPT = new TaskFaults(1, 5);

    @Test
    void everyStrategyGivesTheSerialAnswer(JavaSparkContext sc) throws Exception {
        try (SparkHandle spark = SparkHandle.wrap(sc)) {
            Report report = new Harness(0, 1, line -> { })
                    .run(PrefixStrategies.trials(PrefixStrategies.ALL, PARAMS, spark), spark);
            assertEquals(List.of("serial", "threads", "spark-in-task", "spark-roundtrip"),
                    report.runs().stream().map(RunResult::strategy).toList());
            assertTrue(report.allAgree(), report.runs().toString());
            PopularPrefixes serial = new SerialPrefixes().popular(PARAMS, spark);
            assertTrue(serial.size() > 256, "every 1-byte prefix, and some 2-byte ones: " + serial);
            assertEquals(serial.answer(), report.runs().get(0).answer());

            Map<String, SparkMetrics> metrics = report.runs().stream().filter(r -> r.sparkMetrics().isPresent())
                    .collect(Collectors.toMap(RunResult::strategy, r -> r.sparkMetrics().get()));
            assertEquals(PARAMS.shards(), metrics.get("spark-in-task").tasks(), "one task per shard");
            assertEquals((long) PARAMS.shards() * PARAMS.docsPerShard(), metrics.get("spark-roundtrip").tasks(),
                    "one job of one task per shard per round");
            long stateBytes = PARAMS.count(0).bytes();
            assertTrue(metrics.get("spark-roundtrip").resultBytes() > stateBytes,
                    "the states come back every round: " + metrics.get("spark-roundtrip"));
            assertTrue(metrics.get("spark-in-task").resultBytes() < stateBytes / 10,
                    "only the popular sets come back: " + metrics.get("spark-in-task"));
        }
    }

    @Test
    void underRetriesTheTaskStatesStayExactAndAStaticMapCountsTwice(JavaSparkContext sc) {
        try (SparkHandle spark = SparkHandle.wrap(sc, EVERY_FIRST_ATTEMPT)) {
            String exact = new SerialPrefixes().popular(PARAMS, spark).answer();
            assertEquals(exact, new SparkInTaskPrefixes().popular(PARAMS, spark).answer());
            assertEquals(exact, new SparkRoundTripPrefixes().popular(PARAMS, spark).answer());

            PopularPrefixes executorMap = new SparkExecutorMapPrefixes().popular(PARAMS, spark);
            assertNotEquals(exact, executorMap.answer());
            assertEquals(everyDocumentTwice(), executorMap, "each retried task added its document again");
        }
        try (SparkHandle spark = SparkHandle.wrap(sc)) {
            assertEquals(new SerialPrefixes().popular(PARAMS, spark), new SparkExecutorMapPrefixes().popular(PARAMS, spark),
                    "without a retry the map happens to be right in local mode");
        }
    }

    /** The union of popular sets had every document been counted twice. */
    private static PopularPrefixes everyDocumentTwice() {
        PopularPrefixes union = PopularPrefixes.NONE;
        for (int shard = 0; shard < PARAMS.shards(); shard++) {
            PrefixCounts state = new PrefixCounts();
            for (int round = 0; round < PARAMS.docsPerShard(); round++) {
                state.addDocument(PARAMS.document(shard, round));
                state.addDocument(PARAMS.document(shard, round));
            }
            union = union.union(state.popular());
        }
        return union;
    }

    @Test
    void eachRoundOfTheDriverShippedStateIsOneLabelledJob(JavaSparkContext sc) {
        try (SparkHandle spark = SparkHandle.wrap(sc)) {
            int before = sc.statusTracker().getJobIdsForGroup("prefixes-spark-roundtrip").length;
            new SparkRoundTripPrefixes().popular(PARAMS, spark);
            int[] jobs = sc.statusTracker().getJobIdsForGroup("prefixes-spark-roundtrip");
            assertEquals(before + PARAMS.docsPerShard(), jobs.length);
            List<String> descriptions = java.util.Arrays.stream(jobs)
                    .mapToObj(job -> sc.sc().statusStore().job(job).description().get()).sorted().toList();
            assertTrue(descriptions.contains("prefixes · spark-roundtrip · 3 shards × 2 docs × 10,000 words · round 2/2"),
                    descriptions.toString());
        }
    }
}
