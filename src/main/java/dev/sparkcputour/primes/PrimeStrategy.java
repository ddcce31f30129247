package dev.sparkcputour.primes;

import dev.sparkcputour.kernel.PrimeKernel;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.Strategy;

/** One way to count the primes in {@code [0, n)}. Implementations compute and return; they never print. */
public interface PrimeStrategy extends Strategy {

    /** The name of its results with {@code kernel}: the tutorial's trial division keeps the plain name. */
    default String label(PrimeKernel kernel) {
        return kernel == PrimeKernel.TRIAL ? name() : name() + "-" + kernel.cliName();
    }

    /** The settings this strategy actually runs with, for the results (always starts with {@code n}). */
    default java.util.Map<String, Object> describe(PrimesParams params, SparkHandle spark) {
        return params.describe();
    }

    /** Counts the primes in {@code [0, params.n())} with {@code params.kernel()}; {@code spark} is started only if {@link #usesSpark()}. */
    long countPrimes(PrimesParams params, SparkHandle spark);
}
