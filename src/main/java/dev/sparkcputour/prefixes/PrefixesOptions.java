package dev.sparkcputour.prefixes;

import dev.sparkcputour.config.Defaults;
import dev.sparkcputour.kernel.PrefixCounts;
import dev.sparkcputour.kernel.RandomWords;
import dev.sparkcputour.workload.Scale;
import dev.sparkcputour.workload.Trial;
import dev.sparkcputour.workload.TrialPlan;
import dev.sparkcputour.workload.Usage;
import dev.sparkcputour.workload.WorkloadOptions;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The prefix workload's options, shared by {@code prefixes} and {@code compare}, and the trials they make. */
public final class PrefixesOptions implements WorkloadOptions {

    /** The blog's sizes: 10 documents per worker, of 10,000 words. */
    static final int TUTORIAL_DOCS = 10;
    static final int TUTORIAL_WORDS = 10_000;
    /** Tests: a few thousand words, well under a second. */
    static final int TINY_DOCS = 2;
    static final int TINY_WORDS = 1_000;
    /** Four times the blog's rounds: 400,000 words per shard, a state of about 25 MB. */
    static final int LARGE_DOCS = 40;
    static final int LARGE_WORDS = 10_000;

    static final int MAX_DOCS = 1_000_000;
    static final int MAX_WORDS = 10_000_000;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    private Scale scale = Scale.TUTORIAL;
    private int shards = Defaults.threads();
    private Integer docsPerShard;
    private Integer words;

    @Option(names = "--shards", paramLabel = "P",
            description = "Workers, each with its own state; document i goes to worker i mod P (default: one per core).")
    void setShards(int value) {
        shards = (int) Usage.inRange(spec, "--shards", value, 1, Defaults.MAX_THREADS);
    }

    @Option(names = "--docs-per-shard", paramLabel = "D",
            description = "Documents, one per round, that each worker counts (default: " + TUTORIAL_DOCS
                    + "; --scale tiny: " + TINY_DOCS + ", large: " + LARGE_DOCS + ").")
    void setDocsPerShard(int value) {
        docsPerShard = (int) Usage.inRange(spec, "--docs-per-shard", value, 1, MAX_DOCS);
    }

    @Option(names = "--words", paramLabel = "W",
            description = "Words of " + RandomWords.WORD_BYTES + " random bytes per document (default: " + TUTORIAL_WORDS
                    + "; --scale tiny: " + TINY_WORDS + ").")
    void setWords(int value) {
        words = (int) Usage.inRange(spec, "--words", value, 1, MAX_WORDS);
    }

    @Override
    public void scale(Scale chosen) {
        scale = chosen;
    }

    @Override
    public void kernel(String name) {
        throw new IllegalArgumentException("the prefix workload has one kernel, its trie; --kernel does not apply");
    }

    @Override
    public void compareKernels(List<String> names) {
        // one kernel: nothing to choose
    }

    @Override
    public boolean usesNd4j() {
        return false;
    }

    @Override
    public List<Trial> trials(TrialPlan plan) {
        List<PrefixStrategy> chosen = plan.chosen(PrefixStrategies.ALL);
        PrefixesParams params = new PrefixesParams(Defaults.SEED, shards, docs(), words(), plan.threads());
        chosen.forEach(s -> checkFits(s, params));
        return PrefixStrategies.trials(chosen, params, plan.spark());
    }

    /** Refuses, before any work, sizes whose states would not fit in this JVM's heap (or overflow a node id). */
    private void checkFits(PrefixStrategy strategy, PrefixesParams params) {
        long prefixes = (long) params.docsPerShard() * params.words() * (RandomWords.WORD_BYTES - 1);
        double bytes = (double) prefixes * PrefixCounts.MAX_BYTES_PER_PREFIX * strategy.statesHeldAtOnce(params);
        if (prefixes >= Integer.MAX_VALUE / 2 || bytes > Runtime.getRuntime().maxMemory()) {
            throw Usage.error(spec, "--words", String.format(Locale.ROOT, "%,d documents of %,d words per shard need up"
                    + " to %,.0f MB for %s's states, more than this JVM's %,d MB heap; choose fewer words or documents",
                    params.docsPerShard(), params.words(), bytes / (1 << 20), strategy.name(),
                    Runtime.getRuntime().maxMemory() >> 20));
        }
    }

    private int docs() {
        if (docsPerShard != null) {
            return docsPerShard;
        }
        return switch (scale) {
            case TINY -> TINY_DOCS;
            case TUTORIAL -> TUTORIAL_DOCS;
            case LARGE -> LARGE_DOCS;
        };
    }

    private int words() {
        if (words != null) {
            return words;
        }
        return switch (scale) {
            case TINY -> TINY_WORDS;
            case TUTORIAL -> TUTORIAL_WORDS;
            case LARGE -> LARGE_WORDS;
        };
    }
}
