package dev.sparkcputour.kernel;

/**
 * The mod-30 wheel the sieve's bytes follow: byte i holds the 8 numbers 30i + r with r coprime to
 * 30, bit b for the residue {@code RESIDUES[b]}, so a byte stands for 30 numbers instead of 16.
 *
 * <p>A sieving prime p = 30a + r strikes only the multiples p·q with q coprime to 30. One turn of
 * q through the 8 residues advances the byte index by exactly p, and within a turn the k-th
 * multiple sits {@code a·RESIDUES[k] + offset(r, k)} bytes from the turn's start.
 */
final class Wheel30 {

    /** The residues mod 30 of the numbers a byte holds, one per bit. */
    static final int[] RESIDUES = {1, 7, 11, 13, 17, 19, 23, 29};

    /** The gap from the k-th residue to the next number coprime to 30. */
    static final int[] GAPS = {6, 4, 2, 4, 2, 4, 6, 2};

    /** BIT_OF[r] is the bit of residue r, or -1 when r shares a factor with 30. */
    private static final int[] BIT_OF = new int[30];

    /**
     * For a prime with residue index ri and multiplier residue index k, at [ri * 8 + k]: the AND
     * mask that clears the multiple's bit, and the bytes to the next multiple beyond a·GAPS[k].
     */
    static final byte[] CLEAR = new byte[64];
    static final int[] EXTRA_STEP = new int[64];

    /** The bytes of the k-th multiple in a turn beyond a·RESIDUES[k]: floor(r·RESIDUES[k] / 30). */
    static final int[] TURN_OFFSET = new int[64];

    static {
        java.util.Arrays.fill(BIT_OF, -1);
        for (int b = 0; b < 8; b++) {
            BIT_OF[RESIDUES[b]] = b;
        }
        for (int ri = 0; ri < 8; ri++) {
            int r = RESIDUES[ri];
            for (int k = 0; k < 8; k++) {
                int product = r * RESIDUES[k];
                CLEAR[ri * 8 + k] = (byte) ~(1 << BIT_OF[product % 30]);
                EXTRA_STEP[ri * 8 + k] = (product % 30 + r * GAPS[k]) / 30;
                TURN_OFFSET[ri * 8 + k] = product / 30;
            }
        }
    }

    private Wheel30() {
    }

    /** The bit of residue {@code r} (0..29), or -1 when r shares a factor with 30. */
    static int bitOf(int r) {
        return BIT_OF[r];
    }

    /** The index of the smallest residue in {@link #RESIDUES} at least {@code s} (0..29). */
    static int nextResidueIndex(int s) {
        int k = 0;
        while (RESIDUES[k] < s) {
            k++;
        }
        return k;
    }
}
