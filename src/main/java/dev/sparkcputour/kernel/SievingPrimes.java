package dev.sparkcputour.kernel;

import static dev.sparkcputour.kernel.Wheel30.CLEAR;
import static dev.sparkcputour.kernel.Wheel30.RESIDUES;
import static dev.sparkcputour.kernel.Wheel30.TURN_OFFSET;

/**
 * The sieving primes of one range and, for each, where it strikes next: the byte where its current
 * wheel turn starts, relative to the current segment, and the multiplier's place in that turn.
 * A turn strikes 8 multiples in p bytes at offsets fixed by p, so the loop strikes a whole turn
 * per pass and enters or leaves a partial turn through a switch that falls through. Small primes
 * (many turns per L1-sized chunk) work a chunk at a time while it sits in L1; medium ones work
 * through the whole segment.
 */
final class SievingPrimes {

    private final int[] primes;
    private final int first;
    private final int smallEnd;
    private final int mediumEnd;
    private final int end;
    private final LargePrimeBuckets large;
    private int active;

    /** turn[j]: the byte where prime j's current turn starts, relative to the segment (may be negative). */
    private final int[] turn;
    /** wheel[j]: the next multiple's place in that turn, an index into {@link Wheel30#RESIDUES}. */
    private final byte[] wheel;
    /** residue[j]: prime j's own residue index, which picks its row of the wheel tables. */
    private final byte[] residue;

    /**
     * Sieves with {@code primes[first, end)}, which must all be above 5: those below
     * {@code smallLimit} take the small primes' loop, those from {@code largeLimit} on wait in
     * buckets for segments of {@code segmentBytes}.
     */
    SievingPrimes(int[] primes, int first, int end, int smallLimit, int largeLimit, int segmentBytes) {
        this.primes = primes;
        this.first = first;
        this.end = end;
        this.smallEnd = firstAtLeast(primes, first, end, smallLimit);
        this.mediumEnd = firstAtLeast(primes, smallEnd, end, largeLimit);
        this.large = mediumEnd < end ? new LargePrimeBuckets(segmentBytes, primes[end - 1]) : null;
        this.active = first;
        this.turn = new int[end];
        this.wheel = new byte[end];
        this.residue = new byte[end];
    }

    /** Admits every prime whose square falls before the segment's end, aimed at its first multiple in it. */
    void join(long segmentByte, int length) {
        long segmentStart = 30 * segmentByte;
        long segmentEnd = 30 * (segmentByte + length);
        while (active < end && (long) primes[active] * primes[active] < segmentEnd) {
            long p = primes[active];
            long q = Math.max(p, (segmentStart + p - 1) / p);
            int k = Wheel30.nextResidueIndex((int) (q % 30));
            q = q - q % 30 + RESIDUES[k];
            int ri = Wheel30.bitOf((int) (p % 30));
            long multipleByte = p * q / 30 - segmentByte;
            if (active >= mediumEnd) {
                large.add((int) p, multipleByte, k);
                active++;
                continue;
            }
            turn[active] = (int) (multipleByte - offset((int) (p / 30), ri << 3, k));
            wheel[active] = (byte) k;
            residue[active] = (byte) ri;
            active++;
        }
    }

    /** The bytes from a turn's start to its k-th multiple, for p = 30a + r with r's row {@code w}. */
    private static int offset(int a, int w, int k) {
        return a * (RESIDUES[k] - 1) + TURN_OFFSET[w + k];
    }

    /** Strikes the small primes' multiples before byte {@code to}, the end of one L1-sized chunk. */
    void crossOffSmall(byte[] segment, int to) {
        crossOff(segment, to, first, Math.min(active, smallEnd));
    }

    /** Strikes the medium and large primes' multiples in {@code segment[0, length)}. */
    void crossOffMediumAndLarge(byte[] segment, int length) {
        crossOff(segment, length, smallEnd, Math.min(active, mediumEnd));
        if (large != null) {
            large.crossOff(segment, length);
        }
    }

    /** Moves the small and medium primes' positions on to the next segment, {@code length} bytes on. */
    void advance(int length) {
        int last = Math.min(active, mediumEnd);
        for (int j = first; j < last; j++) {
            turn[j] -= length;
        }
    }

    private static int firstAtLeast(int[] primes, int from, int end, int limit) {
        int i = from;
        while (i < end && primes[i] < limit) {
            i++;
        }
        return i;
    }

    /** Strikes the multiples of primes j in [from, last) before byte {@code to}. */
    private void crossOff(byte[] segment, int to, int from, int last) {
        for (int j = from; j < last; j++) {
            int p = primes[j];
            int a = p / 30;
            int w = residue[j] << 3;
            int d1 = offset(a, w, 1);
            int d2 = offset(a, w, 2);
            int d3 = offset(a, w, 3);
            int d4 = offset(a, w, 4);
            int d5 = offset(a, w, 5);
            int d6 = offset(a, w, 6);
            int d7 = offset(a, w, 7);
            byte m0 = CLEAR[w];
            byte m1 = CLEAR[w + 1];
            byte m2 = CLEAR[w + 2];
            byte m3 = CLEAR[w + 3];
            byte m4 = CLEAR[w + 4];
            byte m5 = CLEAR[w + 5];
            byte m6 = CLEAR[w + 6];
            byte m7 = CLEAR[w + 7];
            int b = turn[j];
            int k = wheel[j];
            strike:
            while (true) {
                // enter the turn at its k-th multiple; leave at the first multiple at or past to
                switch (k) {
                    case 0:
                        if (b >= to) {
                            break strike;
                        }
                        segment[b] &= m0;
                    case 1:
                        if (b + d1 >= to) {
                            k = 1;
                            break strike;
                        }
                        segment[b + d1] &= m1;
                    case 2:
                        if (b + d2 >= to) {
                            k = 2;
                            break strike;
                        }
                        segment[b + d2] &= m2;
                    case 3:
                        if (b + d3 >= to) {
                            k = 3;
                            break strike;
                        }
                        segment[b + d3] &= m3;
                    case 4:
                        if (b + d4 >= to) {
                            k = 4;
                            break strike;
                        }
                        segment[b + d4] &= m4;
                    case 5:
                        if (b + d5 >= to) {
                            k = 5;
                            break strike;
                        }
                        segment[b + d5] &= m5;
                    case 6:
                        if (b + d6 >= to) {
                            k = 6;
                            break strike;
                        }
                        segment[b + d6] &= m6;
                    default:
                        if (b + d7 >= to) {
                            k = 7;
                            break strike;
                        }
                        segment[b + d7] &= m7;
                }
                b += p;
                k = 0;
                for (int limit = to - d7; b < limit; b += p) {
                    segment[b] &= m0;
                    segment[b + d1] &= m1;
                    segment[b + d2] &= m2;
                    segment[b + d3] &= m3;
                    segment[b + d4] &= m4;
                    segment[b + d5] &= m5;
                    segment[b + d6] &= m6;
                    segment[b + d7] &= m7;
                }
            }
            turn[j] = b;
            wheel[j] = (byte) k;
        }
    }
}
