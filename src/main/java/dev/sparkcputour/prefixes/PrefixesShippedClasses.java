package dev.sparkcputour.prefixes;

import dev.sparkcputour.kernel.PopularPrefixes;
import dev.sparkcputour.kernel.PrefixCounts;
import dev.sparkcputour.spark.ShippedClasses;
import java.util.List;

/** The prefix workload's task data and results: shard states (spark-roundtrip) and popular sets. */
public final class PrefixesShippedClasses implements ShippedClasses {

    @Override
    public List<Class<?>> classes() {
        return List.of(PrefixCounts.class, PopularPrefixes.class, PopularPrefixes[].class, String[].class,
                SparkRoundTripPrefixes.ShardState.class, SparkRoundTripPrefixes.ShardState[].class);
    }
}
