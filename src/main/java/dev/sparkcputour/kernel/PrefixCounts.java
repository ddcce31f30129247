package dev.sparkcputour.kernel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A worker's state in the prefix workload: how many words began with each prefix
 * {@code word[:i]}, i = 1..19, counted exactly. The prefixes form a trie: every distinct prefix
 * is a node numbered in order of appearance, found from its parent and its last byte (a key of
 * {@code parent << 8 | byte}, exact, in an open-addressing table), so a prefix costs about 24
 * bytes whatever its length: about 42 MB for the 100,000 words of one of the blog's shards (1.75
 * million distinct prefixes), where a hash map of byte strings would take several hundred.
 *
 * <p>Not thread-safe: a state belongs to one worker at a time. Serializable as it stands (three
 * primitive arrays), since one strategy ships it through the driver on purpose.
 */
public final class PrefixCounts implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The blog's rule: a prefix is popular once counted more than three times. */
    public static final int POPULAR_ABOVE = 3;

    /** Bytes a distinct prefix takes at most, arrays half empty after doubling included. */
    public static final int MAX_BYTES_PER_PREFIX = 48;

    private static final int ROOT = 0;

    /** Node id to the key of the edge into it: {@code parent << 8 | byte}. */
    private long[] edges = new long[1024];
    /** Node id to how many words had that prefix. */
    private int[] counts = new int[1024];
    /** The table: a child's node id at the slot of its key, 0 for empty (the root is nobody's child). */
    private int[] slots = new int[2048];
    private int nodes = 1;

    /** Counts every prefix of every word of {@code document} ({@link RandomWords} layout). */
    public void addDocument(byte[] document) {
        for (int word = 0; word < document.length; word += RandomWords.WORD_BYTES) {
            int node = ROOT;
            for (int i = 0; i < RandomWords.WORD_BYTES - 1; i++) {
                node = child(node, document[word + i]);
                counts[node]++;
            }
        }
    }

    /** The distinct prefixes counted so far. */
    public int distinctPrefixes() {
        return nodes - 1;
    }

    /** The bytes the state holds now (its arrays, spare room included). */
    public long bytes() {
        return 8L * edges.length + 4L * counts.length + 4L * slots.length;
    }

    /** How many words so far began with {@code prefix}. */
    public int count(byte[] prefix) {
        int node = ROOT;
        for (byte b : prefix) {
            node = find(node, b);
            if (node < 0) {
                return 0;
            }
        }
        return node == ROOT ? 0 : counts[node];
    }

    /** The prefixes counted more than {@value #POPULAR_ABOVE} times. */
    public PopularPrefixes popular() {
        List<byte[]> popular = new ArrayList<>();
        for (int node = 1; node < nodes; node++) {
            if (counts[node] > POPULAR_ABOVE) {
                popular.add(prefixOf(node));
            }
        }
        return PopularPrefixes.of(popular);
    }

    private byte[] prefixOf(int node) {
        byte[] reversed = new byte[RandomWords.WORD_BYTES];
        int length = 0;
        for (int at = node; at != ROOT; at = (int) (edges[at] >>> 8)) {
            reversed[length++] = (byte) edges[at];
        }
        byte[] prefix = new byte[length];
        for (int i = 0; i < length; i++) {
            prefix[i] = reversed[length - 1 - i];
        }
        return prefix;
    }

    /** The child of {@code parent} along byte {@code b}, made if new. */
    private int child(int parent, byte b) {
        long key = (long) parent << 8 | (b & 0xFF);
        int mask = slots.length - 1;
        int slot = slotOf(key, mask);
        while (slots[slot] != 0) {
            if (edges[slots[slot]] == key) {
                return slots[slot];
            }
            slot = (slot + 1) & mask;
        }
        int node = nodes++;
        if (node == edges.length) {
            edges = Arrays.copyOf(edges, Math.multiplyExact(2, edges.length));
            counts = Arrays.copyOf(counts, edges.length);
        }
        edges[node] = key;
        slots[slot] = node;
        if (2L * nodes > slots.length) {
            rehash(); // at most half full: probes stay short
        }
        return node;
    }

    private int find(int parent, byte b) {
        long key = (long) parent << 8 | (b & 0xFF);
        int mask = slots.length - 1;
        for (int slot = slotOf(key, mask); slots[slot] != 0; slot = (slot + 1) & mask) {
            if (edges[slots[slot]] == key) {
                return slots[slot];
            }
        }
        return -1;
    }

    private void rehash() {
        slots = new int[Math.multiplyExact(2, slots.length)];
        int mask = slots.length - 1;
        for (int node = 1; node < nodes; node++) {
            int slot = slotOf(edges[node], mask);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = node;
        }
    }

    private static int slotOf(long key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask; // Fibonacci hashing: parents are dense small numbers
    }
}
