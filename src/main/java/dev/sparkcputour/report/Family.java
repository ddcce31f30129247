package dev.sparkcputour.report;

import dev.sparkcputour.results.RunResult;

/**
 * The kind of strategy a run was, read from what it recorded rather than from its name: Spark
 * runs carry the listener's metrics, thread-pool runs their {@code threads} setting.
 */
public enum Family {
    SERIAL("serial"), THREADS("threads"), SPARK("Spark");

    private final String label;

    Family(String label) {
        this.label = label;
    }

    /** The family of {@code run}. */
    public static Family of(RunResult run) {
        if (run.sparkMetrics().isPresent()) {
            return SPARK;
        }
        return run.params().containsKey("threads") ? THREADS : SERIAL;
    }

    /** How charts name it. */
    public String label() {
        return label;
    }
}
