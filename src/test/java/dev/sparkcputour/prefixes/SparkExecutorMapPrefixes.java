package dev.sparkcputour.prefixes;

import dev.sparkcputour.kernel.PopularPrefixes;
import dev.sparkcputour.kernel.PrefixCounts;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.SparkStrategy;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What not to do, kept out of the tool: the blog's Ray actors imitated by a static mutable map
 * in each executor JVM, which every round's task adds its document to, read by a last job. A
 * task that fails after adding and is retried adds its document twice; and on a cluster a
 * shard's next task may run on another executor, whose map has never seen it. Local mode only.
 */
final class SparkExecutorMapPrefixes implements PrefixStrategy, SparkStrategy {

    /** The "actors": one state per (run, shard), in whichever JVM runs the task. */
    private static final Map<String, PrefixCounts> STATES = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "spark-executor-map";
    }

    @Override
    public PopularPrefixes popular(PrefixesParams params, SparkHandle spark) {
        String run = UUID.randomUUID().toString();
        for (int round = 0; round < params.docsPerShard(); round++) {
            int r = round;
            spark.run(params.label(name(), " · round " + (round + 1), "add one document to the executor's map"),
                    sc -> spark.faults().inject(sc.parallelize(params.shardNumbers(), params.shards())
                                    .mapPartitions(shards -> ShardTasks.countedNow(shards, s -> {
                                        STATES.computeIfAbsent(run + "/" + s, k -> new PrefixCounts())
                                                .addDocument(params.document(s, r));
                                        return s; // a fault strikes after the map was changed
                                    })))
                            .count());
        }
        try {
            return spark.run(params.label(name(), " · popular sets", "read each executor's map"),
                    sc -> sc.parallelize(params.shardNumbers(), params.shards())
                            .map(s -> STATES.get(run + "/" + s).popular())
                            .fold(PopularPrefixes.NONE, PopularPrefixes::union));
        } finally {
            STATES.keySet().removeIf(key -> key.startsWith(run)); // the driver's JVM is the executor's: local mode
        }
    }
}
