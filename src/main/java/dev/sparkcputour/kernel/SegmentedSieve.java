package dev.sparkcputour.kernel;

import java.util.Arrays;

/**
 * Counts primes in {@code [from, to)} with a segmented sieve of Eratosthenes on the mod-30 wheel
 * ({@link Wheel30}: 8 flags per byte for 30 numbers), the multiples of 7..163 struck by copying
 * patterns ({@link PreSieve}), and the rest by {@link SievingPrimes}, a segment sized to L2 at a
 * time and the small primes an L1-sized chunk at a time. Works up to {@link #MAX_N} = 10^15; a
 * range near 10^12 needs only the 78,498 base primes below 10^6.
 */
public final class SegmentedSieve {

    /** The largest {@code n} or {@code to} accepted; keeps {@link #basePrimes}' scratch sieve at 16 MB. */
    public static final long MAX_N = 1_000_000_000_000_000L;

    private static final CacheSizes CACHES = CacheSizes.ofThisMachine();

    /** The chunk the pre-sieve and the small primes work through while it sits in L1, as primesieve does. */
    static final int CHUNK_BYTES = CACHES.l1DataBytes();

    /** A segment, 30 numbers a byte: half of L2 leaves room for the pre-sieve's patterns (L2/4 and L2 within noise at 10^10). */
    static final int SEGMENT_BYTES = Math.max(CHUNK_BYTES, CACHES.l2Bytes() / 2);

    /** Primes below this strike chunk by chunk, at least 32 wheel turns per chunk: at 10^10, 1,024 took 7% less than 8,192. */
    private static final int SMALL_LIMIT = CHUNK_BYTES / 32;

    private static final PreSieve PRE_SIEVE = new PreSieve();

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
        return countPrimes(from, to, basePrimes, SEGMENT_BYTES);
    }

    /** The same with a smaller segment: tests shrink it to cross many boundaries cheaply. */
    static long countPrimes(long from, long to, int[] basePrimes, int segmentBytes) {
        if (segmentBytes < 1 || segmentBytes > SEGMENT_BYTES) {
            throw new IllegalArgumentException("segmentBytes = " + segmentBytes + " is outside [1, " + SEGMENT_BYTES + "]");
        }
        checkLimit(to);
        long lo = Math.max(from, 0);
        if (lo >= to) {
            return 0;
        }
        int needed = neededPrimes(basePrimes, to);
        long count = primesWithoutBits(lo, to);
        long firstByte = lo / 30;
        long bytes = (to - 1) / 30 + 1 - firstByte;
        byte[] segment = new byte[(int) Math.min(segmentBytes, bytes)];
        int first = 0;
        while (first < needed && basePrimes[first] <= PreSieve.LARGEST) {
            first++;
        }
        // a prime from a segment's length on spans more than a segment per wheel turn: buckets
        SievingPrimes primes = new SievingPrimes(basePrimes, first, needed, SMALL_LIMIT,
            Math.max(SMALL_LIMIT, segmentBytes), segmentBytes);
        for (long done = 0; done < bytes; done += segmentBytes) {
            int length = (int) Math.min(segmentBytes, bytes - done);
            long segmentByte = firstByte + done;
            primes.join(segmentByte, length);
            for (int chunk = 0; chunk < length; chunk += CHUNK_BYTES) {
                int chunkEnd = Math.min(length, chunk + CHUNK_BYTES);
                PRE_SIEVE.apply(segment, chunk, chunkEnd - chunk, segmentByte + chunk);
                primes.crossOffSmall(segment, chunkEnd);
            }
            primes.crossOffMediumAndLarge(segment, length);
            primes.advance(length);
            if (segmentByte == 0) {
                segment[0] &= (byte) ~1; // 1 is no prime
            }
            if (done == 0) {
                segment[0] &= (byte) ~bitsBelow(lo - 30 * firstByte);
            }
            if (done + length == bytes) {
                segment[length - 1] &= (byte) bitsBelow(to - 30 * (segmentByte + length - 1));
            }
            count += Bytes.bitCount(segment, length);
        }
        return count;
    }

    /** The primes in {@code [lo, to)} the bits miss: 2, 3 and 5 have none, and the pre-sieve clears 7..163 themselves. */
    private static long primesWithoutBits(long lo, long to) {
        long count = PreSieve.presievedPrimesIn(lo, to);
        for (int p : new int[] {2, 3, 5}) {
            if (p >= lo && p < to) {
                count++;
            }
        }
        return count;
    }

    /** The flags of a byte whose numbers lie below {@code offset} (0..30) from the byte's first number. */
    private static int bitsBelow(long offset) {
        int mask = 0;
        for (int b = 0; b < 8 && Wheel30.RESIDUES[b] < offset; b++) {
            mask |= 1 << b;
        }
        return mask;
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
