package dev.sparkcputour.workload;

/** What every workload's strategies share: the name users type, and what the harness must know of them. */
public interface Strategy {

    /** The name users type after {@code --strategy}. */
    String name();

    /** Whether more cores can make it faster: what a core sweep re-runs (all but serial). */
    default boolean scalesWithCores() {
        return true;
    }

    /** Whether the strategy needs a Spark context; the harness starts it before timing anything. */
    default boolean usesSpark() {
        return false;
    }
}
