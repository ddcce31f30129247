package dev.sparkcputour.primes;

import dev.sparkcputour.kernel.PrimeKernel;
import dev.sparkcputour.workload.Workload;
import dev.sparkcputour.workload.WorkloadOptions;
import java.util.Arrays;
import java.util.List;

/** The tutorial's CPU-bound task: count the primes in [0, N), by trial division or a segmented sieve. */
public final class PrimesWorkload implements Workload {

    static final String NAME = "primes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Count the primes in [0, N) by trial division (the tutorial's CPU-bound task) or a segmented sieve.";
    }

    @Override
    public List<String> strategies() {
        return PrimeStrategies.ALL.stream().map(PrimeStrategy::name).toList();
    }

    @Override
    public List<String> kernels() {
        return Arrays.stream(PrimeKernel.values()).map(PrimeKernel::cliName).toList();
    }

    @Override
    public WorkloadOptions newOptions() {
        return new PrimesOptions();
    }
}
