package dev.sparkcputour.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sieve against trial division, a textbook sieve and known values of π, with its segment edges aimed at. */
class SegmentedSieveTest {

    /** The numbers one full segment covers: 30 a byte. */
    private static final long SPAN = 30L * SegmentedSieve.SEGMENT_BYTES;

    private static final long TRILLION = 1_000_000_000_000L;

    /** Moves of a range's start that put a number first or last in a segment, at either end of its byte. */
    private static final long[] SHIFTS = {-59, -31, -30, -29, -1, 0, 1, 29, 30, 31, 59};

    /** Small segment sizes, odd ones included, so short ranges cross many segment edges. */
    private static final int[] SMALL_SEGMENTS = {1, 2, 7, 64, 100};

    /** below[n] = primes in [0, n) up to three full segments, from a sieve with no segments and no tricks. */
    private static int[] below;

    @BeforeAll
    static void textbookSieve() {
        int limit = (int) (3 * SPAN + 1000);
        boolean[] composite = new boolean[limit];
        for (int p = 2; (long) p * p < limit; p++) {
            for (int m = p * p; m < limit; m += p) {
                composite[m] = true;
            }
        }
        below = new int[limit + 1];
        for (int n = 0; n < limit; n++) {
            below[n + 1] = below[n] + (n >= 2 && !composite[n] ? 1 : 0);
        }
    }

    private static long textbook(long from, long to) {
        return below[(int) to] - below[(int) Math.max(from, 0)];
    }

    @Test
    void agreesWithTrialDivisionBelowTenThousand() {
        long expected = 0;
        for (int n = 0; n < 10_000; n++) {
            assertEquals(expected, SegmentedSieve.countPrimes(n), "n=" + n);
            if (TrialDivision.isPrime(n)) {
                expected++;
            }
        }
    }

    @Test
    void agreesWithTrialDivisionOnRandomRanges() {
        Random random = new Random(20_240_611L);
        int[] base = SegmentedSieve.basePrimes(4_000_000);
        int[] widths = {10, 100, 5_000, 50_000};
        for (int r = 0; r < 200; r++) {
            long from = random.nextInt(3_500_000) - 100;
            long to = from + random.nextInt(widths[r % widths.length]);
            long expected = TrialDivision.countPrimes(from, to);
            String range = "[" + from + ", " + to + ")";
            assertEquals(expected, SegmentedSieve.countPrimes(from, to, base), range);
            for (int bits : SMALL_SEGMENTS) {
                assertEquals(expected, SegmentedSieve.countPrimes(from, to, base, bits), range + " in segments of " + bits);
            }
        }
    }

    @Test
    void agreesWithTrialDivisionNearATrillion() {
        int[] base = SegmentedSieve.basePrimes(TRILLION + 2_000_000_000L);
        Random random = new Random(1_000_003L);
        long[] froms = {TRILLION - 1_000, TRILLION - 100_000_000, 1_000_003L * 1_000_003L - 1_000,
            TRILLION + random.nextInt(1_000_000_000), TRILLION - random.nextInt(1_000_000_000)};
        for (long from : froms) {
            // trial division costs about 10^6 divisions per prime here, so the windows stay short
            long to = from + 2_000;
            long expected = TrialDivision.countPrimes(from, to);
            assertEquals(expected, SegmentedSieve.countPrimes(from, to, base), "from " + from);
            assertEquals(expected, SegmentedSieve.countPrimes(from, to, base, 37), "from " + from + " in segments of 37");
        }
    }

    @ParameterizedTest(name = "pi({0}) = {1}")
    @CsvSource({
        "0, 0", "1, 0", "2, 0", "3, 1", "4, 2", "10, 4", "100, 25", "1000, 168", "10000, 1229",
        "100000, 9592", "1000000, 78498", "10000000, 664579", "100000000, 5761455"})
    void countsKnownValuesOfPi(long n, long expected) {
        assertEquals(expected, SegmentedSieve.countPrimes(n));
    }

    @Test
    void countsThePrimesBelowOneBillion() {
        assertEquals(50_847_534L, SegmentedSieve.countPrimes(1_000_000_000L));
    }

    @Test
    void countsThePrimesBelowTenBillionInTwoHalves() {
        // the threads and Spark strategies count ranges like these; about 2 s of one core
        long n = 10_000_000_000L;
        int[] base = SegmentedSieve.basePrimes(n);
        long half = 4_999_999_999L;
        assertEquals(455_052_511L, SegmentedSieve.countPrimes(0, half, base) + SegmentedSieve.countPrimes(half, n, base));
    }

    /** 20-50 s of one core: run with {@code mvn -B -o test -Dtest=SegmentedSieveTest -Dsieve.slow=true}. */
    @Test
    @Tag("slow")
    @EnabledIfSystemProperty(named = "sieve.slow", matches = "true")
    void countsThePrimesBelowAHundredBillion() {
        assertEquals(4_118_054_813L, SegmentedSieve.countPrimes(100_000_000_000L));
    }

    @Test
    void agreesWithTheTextbookAcrossChunksAndSegments() {
        Random random = new Random(17);
        int[] base = SegmentedSieve.basePrimes(3 * SPAN);
        int[] segments = {SegmentedSieve.CHUNK_BYTES - 1, SegmentedSieve.CHUNK_BYTES + 7, 3 * SegmentedSieve.CHUNK_BYTES + 1,
            SegmentedSieve.SEGMENT_BYTES};
        for (int r = 0; r < 40; r++) {
            long from = (long) (random.nextDouble() * 2 * SPAN);
            long to = from + random.nextInt((int) SPAN);
            int bytes = segments[r % segments.length];
            assertEquals(textbook(from, to), SegmentedSieve.countPrimes(from, to, base, bytes),
                "[" + from + ", " + to + ") in segments of " + bytes);
        }
    }

    @ParameterizedTest(name = "segments of {0} bytes")
    @CsvSource({"4096", "10007"})
    void countsThePrimesBelowOneBillionInSmallSegments(int segmentBytes) {
        // segments this short send the primes above them to the buckets, and a ring of them wraps
        assertEquals(50_847_534L, SegmentedSieve.countPrimes(0, 1_000_000_000L, SegmentedSieve.basePrimes(1_000_000_000L),
            segmentBytes));
    }

    @Test
    void rangesStartingOrEndingOnPrimesAndSquaresOfPrimes() {
        long[] values = {2, 3, 5, 9, 13, 17, 25, 49, 121, 169, 289, 10_007L * 10_007, 1_000_003L * 1_000_003};
        for (long v : values) {
            int[] base = SegmentedSieve.basePrimes(v + 100);
            for (long from = v - 2; from <= v + 2; from++) {
                for (long to = v - 2; to <= v + 2; to++) {
                    String range = "[" + from + ", " + to + ")";
                    assertEquals(TrialDivision.countPrimes(from, to), SegmentedSieve.countPrimes(from, to, base), range);
                }
                assertEquals(TrialDivision.countPrimes(v - 60, from), SegmentedSieve.countPrimes(v - 60, from, base));
                assertEquals(TrialDivision.countPrimes(from, v + 60), SegmentedSieve.countPrimes(from, v + 60, base));
            }
        }
    }

    @Test
    void countBelowAPrimeExcludesIt() {
        long p = 100_000_007L;
        assertTrue(TrialDivision.isPrime(p));
        assertEquals(1, SegmentedSieve.countPrimes(p + 1) - SegmentedSieve.countPrimes(p));
        long square = 10_007L * 10_007;
        assertEquals(0, SegmentedSieve.countPrimes(square + 1) - SegmentedSieve.countPrimes(square));
    }

    @Test
    void segmentEdgesFromZero() {
        // counting from 0, segments start at k·SPAN, and the byte before holds k·SPAN - 1
        for (long k = 1; k <= 2; k++) {
            for (long to = k * SPAN - 32; to <= k * SPAN + 32; to++) {
                assertEquals(textbook(0, to), SegmentedSieve.countPrimes(to), "to=" + to);
            }
        }
    }

    @Test
    void segmentEdgesOnAPrimeAndOnASquare() {
        long prime = 2 * SPAN + 1_000;
        while (!TrialDivision.isPrime(prime)) {
            prime++;
        }
        long root = TrialDivision.floorSqrt(2 * SPAN) + 1;
        while (!TrialDivision.isPrime(root)) {
            root++;
        }
        long lastPrime = 3 * SPAN;
        while (!TrialDivision.isPrime(lastPrime)) {
            lastPrime--;
        }
        int[] base = SegmentedSieve.basePrimes(3 * SPAN + 1_000);
        for (long q : new long[] {prime, root * root, lastPrime}) {
            for (long k = 1; k <= 2; k++) {
                // a segment starts at the byte of from, 30 numbers a byte: these shifts put q in the
                // first byte of segment k, or in the last one of segment k-1, at either end of its byte
                for (long shift : SHIFTS) {
                    long from = q - k * SPAN + shift;
                    for (long to = q - 1; to <= q + 3; to++) {
                        String range = "[" + from + ", " + to + ")";
                        assertEquals(textbook(from, to), SegmentedSieve.countPrimes(from, to, base), range);
                    }
                }
            }
        }
    }

    @Test
    void segmentEdgesOnAPrimeAndOnASquareNearATrillion() {
        long prime = TRILLION - 11;
        assertTrue(TrialDivision.isPrime(prime));
        long square = 1_000_003L * 1_000_003;
        int[] base = SegmentedSieve.basePrimes(2 * TRILLION);
        for (long shift : SHIFTS) {
            long from = prime - SPAN + shift;
            long step = SegmentedSieve.countPrimes(from, prime + 1, base) - SegmentedSieve.countPrimes(from, prime, base);
            assertEquals(1, step, "a prime at the edge, from " + from);
            from = square - SPAN + shift;
            step = SegmentedSieve.countPrimes(from, square + 1, base) - SegmentedSieve.countPrimes(from, square, base);
            assertEquals(0, step, "a square at the edge, from " + from);
        }
    }

    @Test
    void basePrimesOfSmallNumbers() {
        for (int n = 0; n <= 4; n++) {
            assertArrayEquals(new int[0], SegmentedSieve.basePrimes(n), "n=" + n);
        }
        assertArrayEquals(new int[] {2}, SegmentedSieve.basePrimes(5));
        assertArrayEquals(new int[] {2, 3}, SegmentedSieve.basePrimes(25));
        assertArrayEquals(new int[] {2, 3, 5}, SegmentedSieve.basePrimes(26));
        assertArrayEquals(new int[0], SegmentedSieve.basePrimes(-7));
    }

    @Test
    void basePrimesForATrillionAreThePrimesBelowAMillion() {
        int[] base = SegmentedSieve.basePrimes(TRILLION);
        assertEquals(78_498, base.length);
        assertEquals(999_983, base[base.length - 1]);
        for (int i = 0; i < base.length; i++) {
            assertTrue(TrialDivision.isPrime(base[i]) && (i == 0 || base[i] > base[i - 1]), "at " + i);
        }
    }

    @Test
    void basePrimesReachTheLimitAndNoFurther() {
        int[] base = SegmentedSieve.basePrimes(SegmentedSieve.MAX_N);
        // the last numbers below the limit, where every sieving prime is large: trial division costs ~0.1 s a prime here
        long from = SegmentedSieve.MAX_N - 300;
        long expected = TrialDivision.countPrimes(from, SegmentedSieve.MAX_N);
        assertEquals(expected, SegmentedSieve.countPrimes(from, SegmentedSieve.MAX_N, base));
        assertEquals(expected, SegmentedSieve.countPrimes(from, SegmentedSieve.MAX_N, base, 3), "in segments of 3");
        long last = base[base.length - 1];
        assertTrue(last * last < SegmentedSieve.MAX_N);
        long next = last + 1;
        while (!TrialDivision.isPrime(next)) {
            next++;
        }
        assertTrue(next * next >= SegmentedSieve.MAX_N);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SegmentedSieve.basePrimes(SegmentedSieve.MAX_N + 1));
        assertTrue(e.getMessage().contains("10^15"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SegmentedSieve.countPrimes(SegmentedSieve.MAX_N + 1));
        assertThrows(IllegalArgumentException.class, () -> SegmentedSieve.countPrimes(0, SegmentedSieve.MAX_N + 1, base));
    }

    @Test
    void rejectsBasePrimesThatStopShort() {
        int[] upTo7 = SegmentedSieve.basePrimes(121);
        assertEquals(30, SegmentedSieve.countPrimes(0, 121, upTo7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SegmentedSieve.countPrimes(0, 122, upTo7));
        assertTrue(e.getMessage().contains("11"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SegmentedSieve.countPrimes(0, TRILLION, new int[0]));
        int[] belowAMillion = SegmentedSieve.basePrimes(1_000_000);
        assertThrows(IllegalArgumentException.class,
            () -> SegmentedSieve.countPrimes(TRILLION, TRILLION + 10, belowAMillion));
    }

    @Test
    void aTableServesUpToTheSquareOfTheNextPrime() {
        // 999,983 is the last prime below 10^6 and 1,000,003 the next, so the table is exact up to 1,000,003²
        int[] base = SegmentedSieve.basePrimes(TRILLION);
        long square = 1_000_003L * 1_000_003;
        assertEquals(TrialDivision.countPrimes(square - 100, square), SegmentedSieve.countPrimes(square - 100, square, base));
        assertThrows(IllegalArgumentException.class, () -> SegmentedSieve.countPrimes(square - 100, square + 1, base));
    }

    @Test
    void emptyAndInvertedRangesCountNothing() {
        int[] base = SegmentedSieve.basePrimes(1_000);
        assertEquals(0, SegmentedSieve.countPrimes(100, 100, base));
        assertEquals(0, SegmentedSieve.countPrimes(100, 10, base));
        assertEquals(4, SegmentedSieve.countPrimes(-50, 10, base));
        assertEquals(0, SegmentedSieve.countPrimes(-5));
        assertEquals(0, SegmentedSieve.countPrimes(TRILLION, TRILLION, new int[0]), "an empty range needs no table");
    }
}
