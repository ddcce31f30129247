package dev.sparkcputour.cli;

import dev.sparkcputour.config.Defaults;
import dev.sparkcputour.config.PrimesParams;
import dev.sparkcputour.kernel.PrimeKernel;
import java.util.Locale;
import java.util.OptionalInt;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The prime workload's options, shared by {@code primes} and {@code compare}. */
public final class PrimesOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    private long n = Defaults.PRIMES_N;
    private OptionalInt partitions = OptionalInt.empty();
    private PrimeKernel kernel = PrimeKernel.TRIAL;

    @Option(names = "--n", paramLabel = "N", defaultValue = "" + Defaults.PRIMES_N,
            description = "Count the primes below N (default: ${DEFAULT-VALUE}).")
    void setN(long value) {
        n = Usage.atLeast(spec, "--n", value, 0);
    }

    @Option(names = "--partitions", paramLabel = "P",
            description = "Partitions of the range (default: " + Defaults.PARTITIONS_PER_CORE
                    + " per thread or per unit of Spark's default parallelism).")
    void setPartitions(int value) {
        partitions = OptionalInt.of((int) Usage.inRange(spec, "--partitions", value, 1, Defaults.MAX_PARTITIONS));
    }

    /** The counting kernel; {@code primes} and {@code compare} each declare their {@code --kernel}. */
    void kernel(PrimeKernel chosen) {
        kernel = chosen;
    }

    PrimeKernel kernel() {
        return kernel;
    }

    /** What to count with {@code kernel}, with {@code threads} for the pool. */
    PrimesParams params(int threads, PrimeKernel kernel) {
        if (n > kernel.maxN()) {
            throw Usage.error(spec, "--n", String.format(Locale.ROOT, "must be in [0, %,d] for the %s kernel, got %,d",
                    kernel.maxN(), kernel.cliName(), n));
        }
        return new PrimesParams(n, kernel, threads, partitions);
    }

    /** What to count with the chosen kernel. */
    PrimesParams params(int threads) {
        return params(threads, kernel);
    }
}
