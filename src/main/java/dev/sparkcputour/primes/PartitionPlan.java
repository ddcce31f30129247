package dev.sparkcputour.primes;

import dev.sparkcputour.kernel.PrimeKernel;
import java.io.Serializable;

/**
 * Splits {@code [0, n)} into equal blocks dealt out to {@code partitions} in snake order
 * (0..P-1, then P-1..0, ...), so every partition gets cheap and expensive numbers alike.
 *
 * <p>Trial division costs about √x per prime x, so equal contiguous ranges leave the last one
 * the slowest; plain round-robin still favours low partitions in every round, and the snake
 * cancels that bias from one round to the next. A partition is described by four numbers:
 * nothing is materialised.
 */
public record PartitionPlan(long n, int partitions, long blockSize) implements Serializable {

    /** Blocks per partition: enough rounds for the snake to even out the cost. */
    static final int BLOCKS_PER_PARTITION = 64;

    public PartitionPlan {
        if (n < 0 || partitions < 1 || blockSize < 1) {
            throw new IllegalArgumentException(
                    "bad plan: n=" + n + " partitions=" + partitions + " blockSize=" + blockSize);
        }
    }

    /** A plan with about {@value #BLOCKS_PER_PARTITION} blocks per partition. */
    public static PartitionPlan balanced(long n, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        long blocks = (long) partitions * BLOCKS_PER_PARTITION;
        return new PartitionPlan(n, partitions, Math.max(1, ceilDiv(n, blocks)));
    }

    /**
     * The plan that suits {@code kernel}: balanced blocks for trial division, whose cost grows
     * with √x, and one equal contiguous segment per partition for the sieve, whose cost per
     * number is nearly flat and which works best on long ranges.
     */
    public static PartitionPlan forKernel(PrimeKernel kernel, long n, int partitions) {
        return kernel == PrimeKernel.TRIAL ? balanced(n, partitions) : contiguous(n, partitions);
    }

    /** One contiguous segment of {@code [0, n)} per partition, of equal size (the last may be shorter). */
    public static PartitionPlan contiguous(long n, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        return new PartitionPlan(n, partitions, Math.max(1, ceilDiv(n, partitions)));
    }

    /** The number of blocks of {@code blockSize} (the last may be short) covering {@code [0, n)}. */
    public long blockCount() {
        return ceilDiv(n, blockSize);
    }

    /** Receives one half-open range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeConsumer {
        void accept(long from, long to);
    }

    /** Calls {@code consumer} with each block of {@code partition}, in ascending round order. */
    public void forEachRange(int partition, RangeConsumer consumer) {
        if (partition < 0 || partition >= partitions) {
            throw new IndexOutOfBoundsException("partition " + partition + " of " + partitions);
        }
        long blocks = blockCount();
        for (long round = 0; round * partitions < blocks; round++) {
            long offset = (round & 1) == 0 ? partition : partitions - 1 - partition;
            long block = round * partitions + offset;
            if (block < blocks) {
                long from = block * blockSize;
                consumer.accept(from, from + Math.min(blockSize, n - from)); // no overflow near Long.MAX_VALUE
            }
        }
    }

    /** The number of primes in one partition's blocks by {@code kernel}: primitives only, no boxing per number. */
    public long countPrimes(int partition, PrimeKernel kernel, int[] shared) {
        long[] count = {0};
        forEachRange(partition, (from, to) -> count[0] += kernel.countPrimes(from, to, shared));
        return count[0];
    }

    private static long ceilDiv(long a, long b) {
        return a == 0 ? 0 : 1 + (a - 1) / b;
    }
}
