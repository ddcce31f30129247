package dev.sparkcputour.primes;

import dev.sparkcputour.config.Defaults;

import dev.sparkcputour.kernel.PrimeKernel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What to count: the primes in {@code [0, n)} with {@code kernel}, with {@code threads} for the
 * thread pool and an optional partition count (otherwise {@link Defaults#PARTITIONS_PER_CORE} per core).
 */
public record PrimesParams(long n, PrimeKernel kernel, int threads, OptionalInt partitions) {

    public PrimesParams {
        if (n < 0 || n > kernel.maxN()) {
            throw new IllegalArgumentException("n must be in [0, " + kernel.maxN() + "] for the " + kernel.cliName()
                    + " kernel, got " + n);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (partitions.isPresent() && partitions.getAsInt() < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions.getAsInt());
        }
    }

    /** The partition count asked for, or {@link Defaults#PARTITIONS_PER_CORE} per unit of parallelism. */
    public int partitionsFor(int parallelism) {
        return partitions.orElse(Defaults.PARTITIONS_PER_CORE * Math.max(1, parallelism));
    }

    /** The parameters that identify a run in the results (JSON {@code params}), in a stable order. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", n);
        out.put("kernel", kernel.cliName());
        return out;
    }
}
