package dev.sparkcputour.prefixes;

import dev.sparkcputour.kernel.PrefixCounts;
import dev.sparkcputour.kernel.RandomWords;
import dev.sparkcputour.spark.JobLabel;
import java.io.Serializable;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What to count, as in the blog: {@code shards} workers, each receiving {@code docsPerShard}
 * documents of {@code words} random words (document i goes to worker i mod shards), drawn from
 * {@code seed}; {@code threads} for the thread pool. Captured in Spark closures: five numbers.
 */
public record PrefixesParams(long seed, int shards, int docsPerShard, int words, int threads) implements Serializable {

    public PrefixesParams {
        if (shards < 1 || docsPerShard < 1 || words < 1 || threads < 1) {
            throw new IllegalArgumentException("shards, docs per shard, words and threads must be >= 1, got "
                    + shards + ", " + docsPerShard + ", " + words + ", " + threads);
        }
    }

    /** The document {@code shard} receives in {@code round} (0-based): number round·shards + shard. */
    public byte[] document(int shard, int round) {
        return RandomWords.document(seed, (long) round * shards + shard, words);
    }

    /** {@code shard}'s state after all its rounds. */
    public PrefixCounts count(int shard) {
        PrefixCounts state = new PrefixCounts();
        for (int round = 0; round < docsPerShard; round++) {
            state.addDocument(document(shard, round));
        }
        return state;
    }

    /** 0, 1, ..., shards - 1. */
    public List<Integer> shardNumbers() {
        return IntStream.range(0, shards).boxed().toList();
    }

    /**
     * The UI label of a strategy's job, e.g. {@code prefixes · spark-in-task · 2 shards × 10 docs ×
     * 10,000 words}, with {@code round} appended when there is one job per round.
     */
    public JobLabel label(String strategy, String round, String callSite) {
        String description = String.format(Locale.ROOT, "prefixes · %s · %d shards × %d docs × %,d words%s",
                strategy, shards, docsPerShard, words, round);
        return new JobLabel("prefixes-" + strategy, description, callSite);
    }

    /** The parameters that identify a run in the results, in a stable order. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("shards", shards);
        out.put("docs_per_shard", docsPerShard);
        out.put("words", words);
        out.put("seed", seed);
        return out;
    }
}
