package dev.sparkcputour.prefixes;

import dev.sparkcputour.workload.Workload;
import dev.sparkcputour.workload.WorkloadOptions;
import java.util.List;

/**
 * The stateful benchmark of Nishihara's blog (the tutorial's source): workers count every prefix
 * of the random words they receive, document after document, and report the popular ones.
 */
public final class PrefixesWorkload implements Workload {

    static final String NAME = "prefixes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Count every prefix of random words per worker, over rounds of documents, and report the popular ones"
                + " (the blog's stateful benchmark).";
    }

    @Override
    public List<String> strategies() {
        return PrefixStrategies.ALL.stream().map(PrefixStrategy::name).toList();
    }

    @Override
    public List<String> kernels() {
        return List.of(); // one kernel, the trie: nothing to choose
    }

    @Override
    public boolean comparedByDefault() {
        return false;
    }

    @Override
    public WorkloadOptions newOptions() {
        return new PrefixesOptions();
    }
}
