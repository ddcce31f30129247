package dev.sparkcputour.kernel;

import java.util.Arrays;

/**
 * Counts primes in {@code [from, to)} with a segmented sieve of Eratosthenes over the odd
 * numbers, one bit each, a cache-sized segment at a time. Works up to {@link #MAX_N} = 10^15;
 * a range near 10^12 needs only the 78,498 base primes below 10^6.
 */
public final class SegmentedSieve {

    /** The largest {@code n} or {@code to} accepted; keeps {@link #basePrimes}' scratch sieve at 16 MB. */
    public static final long MAX_N = 1_000_000_000_000_000L;

    // 128 KiB of bits (2^21 numbers) sits in L2: 32 KiB (L1) was 6-10% slower at 10^10, 64-512 KiB within noise.
    static final int SEGMENT_BITS = 1 << 20;

    /** The odd primes struck by copying {@link #PATTERN} instead of one by one. */
    private static final int[] PRESIEVED = {3, 5, 7, 11, 13};

    /** The pattern repeats every 3·5·7·11·13 odd numbers. */
    private static final int PERIOD = 15_015;

    /** Bit i is set when 2i+1 is a multiple of a presieved prime; long enough for any offset. */
    private static final long[] PATTERN = pattern(PERIOD + SEGMENT_BITS + 64);

    private SegmentedSieve() {
    }

    /** All primes p with p·p &lt; n, ascending: the table {@link #countPrimes(long, long, int[])} needs up to n. */
    public static int[] basePrimes(long n) {
        checkLimit(n);
        if (n <= 4) {
            return new int[0];
        }
        int root = (int) TrialDivision.floorSqrt(n - 1);
        // composite[i] stands for the odd number 2i+1; at most 16 MB at MAX_N
        boolean[] composite = new boolean[(root + 1) / 2];
        int count = 1;
        for (int i = 1; i < composite.length; i++) {
            if (!composite[i]) {
                count++;
                int p = 2 * i + 1;
                for (long m = (long) p * p; m <= root; m += 2L * p) {
                    composite[(int) (m >>> 1)] = true;
                }
            }
        }
        int[] primes = new int[count];
        primes[0] = 2;
        for (int i = 1, k = 1; i < composite.length; i++) {
            if (!composite[i]) {
                primes[k++] = 2 * i + 1;
            }
        }
        return primes;
    }

    /** The number of primes below {@code n}, that is π(n-1). */
    public static long countPrimes(long n) {
        return countPrimes(0, n, basePrimes(n));
    }

    /**
     * The number of primes in {@code [from, to)}; an empty or inverted range counts 0 and a
     * negative {@code from} counts from 0. {@code basePrimes} must hold, ascending, every prime p
     * with p·p &lt; to (more is fine, so one {@code basePrimes(n)} serves every range below n);
     * a table that stops short is rejected, gaps inside it are not detected.
     */
    public static long countPrimes(long from, long to, int[] basePrimes) {
        return countPrimes(from, to, basePrimes, SEGMENT_BITS);
    }

    /** The same with a smaller segment: tests shrink it to cross many boundaries cheaply. */
    static long countPrimes(long from, long to, int[] basePrimes, int segmentBits) {
        if (segmentBits < 1 || segmentBits > SEGMENT_BITS) {
            throw new IllegalArgumentException("segmentBits = " + segmentBits + " is outside [1, " + SEGMENT_BITS + "]");
        }
        checkLimit(to);
        long lo = Math.max(from, 0);
        if (lo >= to) {
            return 0;
        }
        int needed = neededPrimes(basePrimes, to);
        // the bits skip 2 and the pattern strikes 3..13 themselves, so these are counted here
        long count = 2 >= lo && 2 < to ? 1 : 0;
        for (int p : PRESIEVED) {
            if (p >= lo && p < to) {
                count++;
            }
        }
        long oddLo = Math.max(lo, 3) | 1;
        long odds = oddLo < to ? (to - oddLo + 1) / 2 : 0;
        long[] segment = new long[(int) ((Math.min(segmentBits, odds) + 63) >>> 6)];
        // next[i]: bit of basePrimes[i]'s next odd multiple, relative to the current segment
        int[] next = new int[needed];
        int first = 0;
        while (first < needed && basePrimes[first] <= PRESIEVED[PRESIEVED.length - 1]) {
            first++;
        }
        int active = first;
        for (long done = 0; done < odds; done += segmentBits) {
            int bits = (int) Math.min(segmentBits, odds - done);
            long low = oddLo + 2 * done;
            long high = low + 2L * bits;
            copyPattern(segment, (int) ((low >>> 1) % PERIOD), bits);
            // a prime joins once its square is reached; after that its offset carries over
            while (active < needed && (long) basePrimes[active] * basePrimes[active] < high) {
                long p = basePrimes[active];
                long start = p * p;
                if (start < low) {
                    long k = (low + p - 1) / p;
                    start = (k | 1) * p;
                }
                next[active++] = (int) ((start - low) >>> 1);
            }
            for (int i = first; i < active; i++) {
                int p = basePrimes[i];
                int j = next[i];
                // odd multiples are 2p apart, so p bits apart; Java masks the shift to j mod 64
                for (; j < bits; j += p) {
                    segment[j >>> 6] |= 1L << j;
                }
                next[i] = j - bits;
            }
            count += bits - struck(segment, bits);
        }
        return count;
    }

    /** Loads bits [offset, offset + bits) of the pattern into the segment. */
    private static void copyPattern(long[] segment, int offset, int bits) {
        int from = offset >>> 6;
        int shift = offset & 63;
        int words = (bits + 63) >>> 6;
        if (shift == 0) {
            System.arraycopy(PATTERN, from, segment, 0, words);
            return;
        }
        for (int w = 0; w < words; w++) {
            segment[w] = (PATTERN[from + w] >>> shift) | (PATTERN[from + w + 1] << (64 - shift));
        }
    }

    /** The set bits among the segment's first {@code bits}; the tail of the last word is stale. */
    private static int struck(long[] segment, int bits) {
        int full = bits >>> 6;
        int count = 0;
        for (int w = 0; w < full; w++) {
            count += Long.bitCount(segment[w]);
        }
        int rest = bits & 63;
        if (rest != 0) {
            count += Long.bitCount(segment[full] & ((1L << rest) - 1));
        }
        return count;
    }

    private static long[] pattern(int bits) {
        long[] words = new long[(bits + 63) >>> 6];
        int length = words.length * 64;
        for (int p : PRESIEVED) {
            // 2i+1 ≡ 0 (mod p) exactly when i ≡ (p-1)/2 (mod p)
            for (int i = (p - 1) / 2; i < length; i += p) {
                words[i >>> 6] |= 1L << i;
            }
        }
        return words;
    }

    private static void checkLimit(long n) {
        if (n > MAX_N) {
            throw new IllegalArgumentException(n + " is above the sieve's limit MAX_N = 10^15");
        }
    }

    /**
     * How many leading base primes sieving below {@code to} uses, once no prime is found between the
     * table's last entry and √(to-1): cheap, as prime gaps are short.
     */
    private static int neededPrimes(int[] basePrimes, long to) {
        int root = (int) TrialDivision.floorSqrt(to - 1);
        long last = basePrimes.length == 0 ? 1 : basePrimes[basePrimes.length - 1];
        for (long v = last + 1; v <= root; v++) {
            if (TrialDivision.isPrime(v)) {
                throw new IllegalArgumentException("base primes end at " + last + " but sieving below " + to
                    + " needs the prime " + v + "; pass basePrimes(" + to + ")");
            }
        }
        int index = Arrays.binarySearch(basePrimes, root + 1);
        return index >= 0 ? index : -index - 1;
    }
}
