package dev.sparkcputour.prefixes;

import dev.sparkcputour.kernel.PopularPrefixes;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.SparkStrategy;

/**
 * The state lives and dies inside one task: one partition per shard, whose task draws its
 * shard's documents, counts them in a fresh state and returns only the popular set; the sets are
 * merged by a fold. Shipped: the shard numbers in the task data and five numbers in the closure,
 * once per job; nothing of the state ever leaves its task, so a retried task simply starts over.
 */
public final class SparkInTaskPrefixes implements PrefixStrategy, SparkStrategy {

    @Override
    public String name() {
        return "spark-in-task";
    }

    @Override
    public PopularPrefixes popular(PrefixesParams params, SparkHandle spark) {
        return spark.run(params.label(name(), "", "count prefixes inside each shard's task, merge the popular sets"),
                sc -> spark.faults().inject(sc.parallelize(params.shardNumbers(), params.shards())
                                .mapPartitions(shards -> ShardTasks.countedNow(shards, s -> params.count(s).popular())))
                        .fold(PopularPrefixes.NONE, PopularPrefixes::union));
    }
}
