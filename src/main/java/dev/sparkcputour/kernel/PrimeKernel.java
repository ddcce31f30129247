package dev.sparkcputour.kernel;

/**
 * How to count the primes of a range: the tutorial's trial division, or a segmented sieve of
 * Eratosthenes. Both are pure; what a task needs besides its range is {@link #sharedData}.
 */
public enum PrimeKernel {

    /** About √x divisions per prime x, no shared data: the tutorial's kernel. */
    TRIAL("trial", Long.MAX_VALUE) {
        @Override
        public int[] sharedData(long n) {
            return NONE;
        }

        @Override
        public long countPrimes(long from, long to, int[] shared) {
            return TrialDivision.countPrimes(from, to);
        }
    },

    /** Multiples of the base primes crossed off, segment by segment: a nearly flat cost per number. */
    SIEVE("sieve", SegmentedSieve.MAX_N) {
        @Override
        public int[] sharedData(long n) {
            return SegmentedSieve.basePrimes(n);
        }

        @Override
        public long countPrimes(long from, long to, int[] shared) {
            return SegmentedSieve.countPrimes(from, to, shared);
        }
    };

    private static final int[] NONE = {};

    private final String cliName;
    private final long maxN;

    PrimeKernel(String cliName, long maxN) {
        this.cliName = cliName;
        this.maxN = maxN;
    }

    /** What every task counting below {@code n} needs: nothing, or the sieve's base primes up to √n. */
    public abstract int[] sharedData(long n);

    /** The primes in {@code [from, to)}, given {@link #sharedData} of some n >= to. */
    public abstract long countPrimes(long from, long to, int[] shared);

    /** The name users type after {@code --kernel}. */
    public String cliName() {
        return cliName;
    }

    /** The largest N this kernel counts below. */
    public long maxN() {
        return maxN;
    }

    /** The kernel named {@code name}, or an exception listing the names. */
    public static PrimeKernel byName(String name) {
        for (PrimeKernel kernel : values()) {
            if (kernel.cliName.equals(name)) {
                return kernel;
            }
        }
        throw new IllegalArgumentException("unknown kernel '" + name + "' (expected trial or sieve)");
    }
}
