package dev.sparkcputour.kernel;

import static dev.sparkcputour.kernel.Wheel30.CLEAR;
import static dev.sparkcputour.kernel.Wheel30.EXTRA_STEP;
import static dev.sparkcputour.kernel.Wheel30.GAPS;
import static dev.sparkcputour.kernel.Wheel30.RESIDUES;
import static dev.sparkcputour.kernel.Wheel30.TURN_OFFSET;

/**
 * The sieving primes of one range and, for each, where it strikes next: a byte relative to the
 * current segment and the multiplier's place on the wheel. Small primes (many multiples per
 * L1-sized chunk) strike a whole wheel turn, 8 multiples, per loop pass; medium ones step
 * multiple by multiple through the whole segment.
 */
final class SievingPrimes {

    private final int[] primes;
    private final int first;
    private final int smallEnd;
    private final int end;
    private int active;

    /** next[j]: the byte of prime j's next multiple, relative to the current segment. */
    private final int[] next;
    /** wheel[j]: that multiple's multiplier, as an index into {@link Wheel30#RESIDUES}. */
    private final byte[] wheel;
    /** residue[j]: prime j's own residue index, which picks its row of the wheel tables. */
    private final byte[] residue;

    /**
     * Sieves with {@code primes[first, end)}, which must all be above 5; those below
     * {@code smallLimit} take the small primes' loop.
     */
    SievingPrimes(int[] primes, int first, int end, int smallLimit) {
        this.primes = primes;
        this.first = first;
        this.end = end;
        int s = first;
        while (s < end && primes[s] < smallLimit) {
            s++;
        }
        this.smallEnd = s;
        this.active = first;
        this.next = new int[end];
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
            next[active] = (int) (p * q / 30 - segmentByte);
            wheel[active] = (byte) k;
            residue[active] = (byte) Wheel30.bitOf((int) (p % 30));
            active++;
        }
    }

    /** Strikes the small primes' multiples in {@code segment[from, to)}, one L1-sized chunk. */
    void crossOffSmall(byte[] segment, int to) {
        crossOffByTurns(segment, to, first, Math.min(active, smallEnd));
    }

    /** Strikes the multiples of primes j in [from, last) up to {@code to}, whole turns where they fit. */
    private void crossOffByTurns(byte[] segment, int to, int from, int last) {
        for (int j = from; j < last; j++) {
            int p = primes[j];
            int a = p / 30;
            int w = residue[j] << 3;
            int i = next[j];
            int k = wheel[j];
            // finish the current turn one multiple at a time
            while (k != 0 && i < to) {
                segment[i] &= CLEAR[w + k];
                i += a * GAPS[k] + EXTRA_STEP[w + k];
                k = (k + 1) & 7;
            }
            if (k == 0) {
                i = wholeTurns(segment, to, i, a, w, p);
                while (i < to) {
                    segment[i] &= CLEAR[w + k];
                    i += a * GAPS[k] + EXTRA_STEP[w + k];
                    k++;
                }
            }
            next[j] = i;
            wheel[j] = (byte) k;
        }
    }

    /** Strikes 8 multiples per pass while a whole turn fits before {@code to}; returns the first turn that does not. */
    private static int wholeTurns(byte[] segment, int to, int i, int a, int w, int p) {
        int d1 = a * (RESIDUES[1] - 1) + TURN_OFFSET[w + 1];
        int d2 = a * (RESIDUES[2] - 1) + TURN_OFFSET[w + 2];
        int d3 = a * (RESIDUES[3] - 1) + TURN_OFFSET[w + 3];
        int d4 = a * (RESIDUES[4] - 1) + TURN_OFFSET[w + 4];
        int d5 = a * (RESIDUES[5] - 1) + TURN_OFFSET[w + 5];
        int d6 = a * (RESIDUES[6] - 1) + TURN_OFFSET[w + 6];
        int d7 = a * (RESIDUES[7] - 1) + TURN_OFFSET[w + 7];
        byte m0 = CLEAR[w];
        byte m1 = CLEAR[w + 1];
        byte m2 = CLEAR[w + 2];
        byte m3 = CLEAR[w + 3];
        byte m4 = CLEAR[w + 4];
        byte m5 = CLEAR[w + 5];
        byte m6 = CLEAR[w + 6];
        byte m7 = CLEAR[w + 7];
        int limit = to - d7;
        for (; i < limit; i += p) {
            segment[i] &= m0;
            segment[i + d1] &= m1;
            segment[i + d2] &= m2;
            segment[i + d3] &= m3;
            segment[i + d4] &= m4;
            segment[i + d5] &= m5;
            segment[i + d6] &= m6;
            segment[i + d7] &= m7;
        }
        return i;
    }

    /** Strikes the medium primes' multiples in {@code segment[0, length)}, then moves them on to the next segment. */
    void crossOffMedium(byte[] segment, int length) {
        crossOffByTurns(segment, length, smallEnd, active);
        for (int j = smallEnd; j < active; j++) {
            next[j] -= length;
        }
    }

    /** Moves the small primes' positions on to the next segment, {@code length} bytes on. */
    void advanceSmall(int length) {
        int last = Math.min(active, smallEnd);
        for (int j = first; j < last; j++) {
            next[j] -= length;
        }
    }
}
