package dev.sparkcputour.prefixes;

import dev.sparkcputour.kernel.PopularPrefixes;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.Strategy;
import java.util.Map;

/** One way to find the workers' popular prefixes. Implementations compute and return; they never print. */
public interface PrefixStrategy extends Strategy {

    /** The settings this strategy runs with, for the results: Spark's partitions are the shards. */
    default Map<String, Object> describe(PrefixesParams params) {
        Map<String, Object> out = params.describe();
        if (usesSpark()) {
            out.put("partitions", params.shards());
        }
        return out;
    }

    /** How many shards' states this strategy holds in this JVM at once, for the memory check. */
    default int statesHeldAtOnce(PrefixesParams params) {
        return Math.min(params.shards(), params.threads());
    }

    /** The union of every shard's popular prefixes; {@code spark} is started only if {@link #usesSpark()}. */
    PopularPrefixes popular(PrefixesParams params, SparkHandle spark);
}
