package dev.sparkcputour.prefixes;

import dev.sparkcputour.kernel.PopularPrefixes;
import dev.sparkcputour.kernel.PrefixCounts;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.SparkStrategy;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The blog's multiprocessing version: every round, each shard's whole state makes a round trip
 * through the driver, out in its task's data (serialised on the driver, deserialised by the task)
 * and back as the task's result, collected and re-parallelized for the next round's job. What it ships grows every round; it
 * shows as task deserialisation time and result bytes.
 */
public final class SparkRoundTripPrefixes implements PrefixStrategy, SparkStrategy {

    /** A worker's state in transit: which shard it counts, and its counts so far. */
    public record ShardState(int shard, PrefixCounts counts) implements Serializable {
    }

    @Override
    public String name() {
        return "spark-roundtrip";
    }

    /** Every state on the driver, plus, in local mode, the copies its tasks deserialise and return. */
    @Override
    public int statesHeldAtOnce(PrefixesParams params) {
        return 3 * params.shards();
    }

    @Override
    public PopularPrefixes popular(PrefixesParams params, SparkHandle spark) {
        List<ShardState> states = params.shardNumbers().stream().map(s -> new ShardState(s, new PrefixCounts())).toList();
        for (int round = 0; round < params.docsPerShard(); round++) {
            states = round(params, spark, states, round);
        }
        return states.stream().map(s -> s.counts().popular()).reduce(PopularPrefixes.NONE, PopularPrefixes::union);
    }

    private List<ShardState> round(PrefixesParams params, SparkHandle spark, List<ShardState> states, int round) {
        String which = String.format(Locale.ROOT, " · round %d/%d", round + 1, params.docsPerShard());
        return spark.run(params.label(name(), which, "ship each shard's state through the driver, add one document"),
                sc -> spark.faults().inject(sc.parallelize(states, params.shards())
                                .mapPartitions(shipped -> ShardTasks.countedNow(shipped, s -> {
                                    s.counts().addDocument(params.document(s.shard(), round));
                                    return s;
                                })))
                        .collect());
    }
}
