package dev.sparkcputour.workload;

/** A strategy that runs as Spark jobs: the harness starts the context before timing it and reads its metrics. */
public interface SparkStrategy extends Strategy {

    @Override
    default boolean usesSpark() {
        return true;
    }
}
