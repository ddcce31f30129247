package dev.sparkcputour.primes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkcputour.kernel.PrimeKernel;
import dev.sparkcputour.kernel.TrialDivision;
import java.util.BitSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartitionPlanTest {

    @ParameterizedTest(name = "N={0}, P={1}")
    @CsvSource({"0, 1", "0, 7", "1, 1", "1, 16", "2, 3", "7, 2", "63, 64", "64, 1", "65, 64",
        "1000, 3", "1023, 7", "99991, 16", "100000, 100", "2000000, 8", "2000001, 13"})
    void coversTheRangeExactlyOnce(long n, int partitions) {
        assertCoversExactlyOnce(PartitionPlan.balanced(n, partitions), n, partitions);
        assertCoversExactlyOnce(PartitionPlan.contiguous(n, partitions), n, partitions);
    }

    /** The sieve's plan: one contiguous segment per partition, all of one size but the last. */
    @ParameterizedTest(name = "N={0}, P={1}")
    @CsvSource({"1000000000000, 8", "1000000000000, 7", "1000000000000000, 100000", "9223372036854775807, 3"})
    void sieveSegmentsAreContiguousEqualAndNeverOverflow(long n, int partitions) {
        PartitionPlan plan = PartitionPlan.forKernel(PrimeKernel.SIEVE, n, partitions);
        long[] next = {0};
        java.util.List<Long> sizes = new java.util.ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            plan.forEachRange(p, (from, to) -> {
                assertEquals(next[0], from, "segments follow each other");
                assertTrue(from < to && to <= n, "[" + from + ", " + to + ")");
                sizes.add(to - from);
                next[0] = to;
            });
        }
        assertEquals(n, next[0], "the last segment ends at N");
        assertTrue(sizes.size() <= partitions, "at most one segment per partition");
        assertTrue(sizes.subList(0, sizes.size() - 1).stream().distinct().count() <= 1, "equal sizes " + sizes);
        assertEquals(PartitionPlan.balanced(n, partitions), PartitionPlan.forKernel(PrimeKernel.TRIAL, n, partitions));
    }

    private static void assertCoversExactlyOnce(PartitionPlan plan, long n, int partitions) {
        BitSet seen = new BitSet();
        long[] covered = {0};
        for (int p = 0; p < partitions; p++) {
            plan.forEachRange(p, (from, to) -> {
                assertTrue(0 <= from && from < to && to <= n, "range [" + from + ", " + to + ")");
                for (long x = from; x < to; x++) {
                    assertTrue(!seen.get((int) x), x + " covered twice");
                    seen.set((int) x);
                }
                covered[0] += to - from;
            });
        }
        assertEquals(n, covered[0]);
        assertEquals(n, seen.cardinality());
    }

    @Test
    void partitionCountsAddUpToPi() {
        PartitionPlan plan = PartitionPlan.balanced(1_000_000, 7);
        long total = IntStream.range(0, 7).mapToLong(p -> plan.countPrimes(p, PrimeKernel.TRIAL, new int[0])).sum();
        assertEquals(78_498, total);
    }

    /**
     * Trial division of a prime p costs about √p divisions and dominates the work, so the cost
     * of a partition is the sum of √p over its primes. The snake-dealt blocks keep every
     * partition within 2% of the others, where equal contiguous ranges differ by more than 2×.
     */
    @Test
    void balancesTheCostOfTrialDivision() {
        long n = 2_000_000;
        int partitions = 8;
        PartitionPlan plan = PartitionPlan.balanced(n, partitions);
        double[] balanced = new double[partitions];
        for (int p = 0; p < partitions; p++) {
            int partition = p;
            plan.forEachRange(p, (from, to) -> balanced[partition] += primeCost(from, to));
        }
        double[] contiguous = new double[partitions];
        for (int p = 0; p < partitions; p++) {
            contiguous[p] = primeCost(n * p / partitions, n * (p + 1) / partitions);
        }
        double balancedSpread = max(balanced) / min(balanced);
        double contiguousSpread = max(contiguous) / min(contiguous);
        assertTrue(balancedSpread < 1.02, "balanced plan spread " + balancedSpread);
        assertTrue(contiguousSpread > 2, "contiguous ranges spread " + contiguousSpread);
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> PartitionPlan.balanced(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> PartitionPlan.balanced(10, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> PartitionPlan.balanced(10, 2).countPrimes(2, PrimeKernel.TRIAL, new int[0]));
    }

    @Test
    void hugeRangesDoNotOverflow() {
        PartitionPlan plan = PartitionPlan.balanced(Long.MAX_VALUE, 1000);
        long[] last = {0};
        plan.forEachRange(999, (from, to) -> last[0] = Math.max(last[0], to));
        assertTrue(last[0] > 0 && last[0] <= Long.MAX_VALUE);
    }

    private static double primeCost(long from, long to) {
        double cost = 0;
        for (long x = from; x < to; x++) {
            if (TrialDivision.isPrime(x)) {
                cost += Math.sqrt(x);
            }
        }
        return cost;
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElseThrow();
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }
}
