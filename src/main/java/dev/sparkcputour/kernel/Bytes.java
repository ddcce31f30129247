package dev.sparkcputour.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Word-at-a-time operations on byte arrays: the JIT turns these views into plain 8-byte loads and stores. */
final class Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    /** {@code target[at, at + length) &= source[from, from + length)}. */
    static void and(byte[] target, int at, byte[] source, int from, int length) {
        int i = 0;
        for (; i <= length - 8; i += 8) {
            long word = (long) LONGS.get(target, at + i) & (long) LONGS.get(source, from + i);
            LONGS.set(target, at + i, word);
        }
        for (; i < length; i++) {
            target[at + i] &= source[from + i];
        }
    }

    /** The set bits in {@code bytes[0, length)}. */
    static long bitCount(byte[] bytes, int length) {
        long count = 0;
        int i = 0;
        for (; i <= length - 8; i += 8) {
            count += Long.bitCount((long) LONGS.get(bytes, i));
        }
        for (; i < length; i++) {
            count += Integer.bitCount(bytes[i] & 0xFF);
        }
        return count;
    }
}
