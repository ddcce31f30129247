package dev.sparkcputour.kernel;

import java.util.SplittableRandom;

/**
 * The documents of the prefix workload, as in Nishihara's blog: words of {@value #WORD_BYTES}
 * random bytes. Document {@code i} is drawn from its own stream of the seed, so any task, thread
 * or loop that needs it makes the same bytes without anyone shipping them.
 */
public final class RandomWords {

    /** The blog's {@code np.random.bytes(20)}. */
    public static final int WORD_BYTES = 20;

    private RandomWords() {
    }

    /** Document {@code index} of {@code seed}: {@code words} words laid end to end, {@value #WORD_BYTES} bytes each. */
    public static byte[] document(long seed, long index, int words) {
        byte[] bytes = new byte[Math.multiplyExact(words, WORD_BYTES)];
        new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index).nextBytes(bytes);
        return bytes;
    }
}
