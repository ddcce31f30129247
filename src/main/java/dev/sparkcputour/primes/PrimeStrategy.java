package dev.sparkcputour.primes;

import dev.sparkcputour.kernel.PrimeKernel;
import dev.sparkcputour.spark.SparkHandle;

/** One way to count the primes in {@code [0, n)}. Implementations compute and return; they never print. */
public interface PrimeStrategy {

    /** The name users type after {@code --strategy}. */
    String name();

    /** The name of its results with {@code kernel}: the tutorial's trial division keeps the plain name. */
    default String label(PrimeKernel kernel) {
        return kernel == PrimeKernel.TRIAL ? name() : name() + "-" + kernel.cliName();
    }

    /** Whether more cores can make it faster: what a core sweep re-runs (all but serial). */
    default boolean scalesWithCores() {
        return true;
    }

    /** Whether the strategy needs a Spark context; the harness starts it before timing anything. */
    default boolean usesSpark() {
        return false;
    }

    /** The settings this strategy actually runs with, for the results (always starts with {@code n}). */
    default java.util.Map<String, Object> describe(PrimesParams params, SparkHandle spark) {
        return params.describe();
    }

    /** Counts the primes in {@code [0, params.n())} with {@code params.kernel()}; {@code spark} is started only if {@link #usesSpark()}. */
    long countPrimes(PrimesParams params, SparkHandle spark);
}
