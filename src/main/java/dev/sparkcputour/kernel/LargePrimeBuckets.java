package dev.sparkcputour.kernel;

import static dev.sparkcputour.kernel.Wheel30.CLEAR;
import static dev.sparkcputour.kernel.Wheel30.EXTRA_STEP;
import static dev.sparkcputour.kernel.Wheel30.GAPS;

import java.util.Arrays;

/**
 * Tomás Oliveira e Silva's buckets for the sieving primes above a segment's length, which strike
 * a segment a few times or not at all: each prime waits in the bucket of the segment its next
 * multiple falls in, so a segment visits only the primes that strike it. The buckets form a ring
 * as long as the farthest jump from one multiple to the next.
 */
final class LargePrimeBuckets {

    private final int segmentBytes;
    /** bucket b holds pairs (p / 30 · 8 + p's residue index, byte of its next multiple in that segment · 8 + wheel place). */
    private final int[][] buckets;
    private final int[] sizes;
    /** The ring's length is a power of two, so this mask wraps bucket numbers. */
    private final int ringMask;
    /** The bucket of the current segment. */
    private int current;

    /** Buckets for segments of {@code segmentBytes} and sieving primes up to {@code largestPrime}. */
    LargePrimeBuckets(int segmentBytes, int largestPrime) {
        this.segmentBytes = segmentBytes;
        // a wheel gap moves at most 6p numbers, and a joining prime's first multiple lies within 6p of the segment: 7p/30 + 2 bytes covers both
        int ring = Integer.highestOneBit((int) ((7L * largestPrime / 30 + 2) / segmentBytes) + 2) * 2;
        this.buckets = new int[ring][];
        this.sizes = new int[ring];
        this.ringMask = ring - 1;
    }

    /** Files prime p, whose next multiple (wheel place k) lies {@code bytesAhead} bytes past the current segment's start. */
    void add(int p, long bytesAhead, int k) {
        int ahead = (int) (bytesAhead / segmentBytes);
        int offset = (int) (bytesAhead - (long) ahead * segmentBytes);
        push((current + ahead) & ringMask, (p / 30) << 3 | Wheel30.bitOf(p % 30), offset << 3 | k);
    }

    /** Strikes the current segment's multiples in {@code segment[0, length)} and refiles each prime under its next segment. */
    void crossOff(byte[] segment, int length) {
        int[] entries = buckets[current];
        int size = sizes[current];
        sizes[current] = 0;
        for (int e = 0; e < size; e += 2) {
            int prime = entries[e];
            int i = entries[e + 1] >>> 3;
            int k = entries[e + 1] & 7;
            int a = prime >>> 3;
            int w = (prime & 7) << 3;
            // a short last segment may end before the multiple
            while (i < length) {
                segment[i] &= CLEAR[w + k];
                i += a * GAPS[k] + EXTRA_STEP[w + k];
                k = (k + 1) & 7;
            }
            int ahead = i / segmentBytes;
            if (ahead > 0) { // 0 only in or past a short last segment, where the range ends
                push((current + ahead) & ringMask, prime, (i - ahead * segmentBytes) << 3 | k);
            }
        }
        current = (current + 1) & ringMask;
    }

    private void push(int bucket, int prime, int position) {
        int[] entries = buckets[bucket];
        int size = sizes[bucket];
        if (entries == null) {
            entries = new int[64];
            buckets[bucket] = entries;
        } else if (size == entries.length) {
            entries = Arrays.copyOf(entries, 2 * size);
            buckets[bucket] = entries;
        }
        entries[size] = prime;
        entries[size + 1] = position;
        sizes[bucket] = size + 2;
    }
}
