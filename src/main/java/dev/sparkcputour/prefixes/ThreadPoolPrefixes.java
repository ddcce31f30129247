package dev.sparkcputour.prefixes;

import dev.sparkcputour.kernel.PopularPrefixes;
import dev.sparkcputour.parallel.ThreadPools;
import dev.sparkcputour.spark.SparkHandle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One shard per pool task, its state kept by the thread that counts it (the JVM's answer to the
 * blog's actors: nothing is copied); only the popular sets come back to be merged.
 */
public final class ThreadPoolPrefixes implements PrefixStrategy {

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public Map<String, Object> describe(PrefixesParams params) {
        Map<String, Object> out = params.describe();
        out.put("threads", params.threads());
        return out;
    }

    @Override
    public PopularPrefixes popular(PrefixesParams params, SparkHandle spark) {
        List<Callable<PopularPrefixes>> shards = params.shardNumbers().stream()
                .<Callable<PopularPrefixes>>map(shard -> () -> params.count(shard).popular())
                .toList();
        return ThreadPools.invokeAll(params.threads(), "prefixes-worker", shards).stream()
                .reduce(PopularPrefixes.NONE, PopularPrefixes::union);
    }
}
