package dev.sparkcputour.primes;

import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.SerialStrategy;

/** The tutorial's first strategy: one plain loop on one core. */
public final class SerialPrimes implements PrimeStrategy, SerialStrategy {

    @Override
    public long countPrimes(PrimesParams params, SparkHandle spark) {
        return params.kernel().countPrimes(0, params.n(), params.kernel().sharedData(params.n()));
    }
}
