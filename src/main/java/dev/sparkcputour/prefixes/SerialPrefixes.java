package dev.sparkcputour.prefixes;

import dev.sparkcputour.kernel.PopularPrefixes;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.SerialStrategy;

/** The blog's serial version: the shards one after another on one core, one state alive at a time. */
public final class SerialPrefixes implements PrefixStrategy, SerialStrategy {

    @Override
    public int statesHeldAtOnce(PrefixesParams params) {
        return 1;
    }

    @Override
    public PopularPrefixes popular(PrefixesParams params, SparkHandle spark) {
        PopularPrefixes union = PopularPrefixes.NONE;
        for (int shard = 0; shard < params.shards(); shard++) {
            union = union.union(params.count(shard).popular());
        }
        return union;
    }
}
