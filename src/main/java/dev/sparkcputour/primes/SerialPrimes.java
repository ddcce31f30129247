package dev.sparkcputour.primes;

import dev.sparkcputour.spark.SparkHandle;

/** The tutorial's first strategy: one plain loop on one core. */
public final class SerialPrimes implements PrimeStrategy {

    @Override
    public String name() {
        return "serial";
    }

    @Override
    public boolean scalesWithCores() {
        return false;
    }

    @Override
    public long countPrimes(PrimesParams params, SparkHandle spark) {
        return params.kernel().countPrimes(0, params.n(), params.kernel().sharedData(params.n()));
    }
}
