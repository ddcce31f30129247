package dev.sparkcputour.kernel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A worker's state in the prefix workload: how many words began with each prefix
 * {@code word[:i]}, i = 1..19, counted exactly. The prefixes form a compressed trie. A prefix that
 * two or more words share is a node, found from its parent and its last byte (an exact key
 * {@code parent << 8 | byte} in an open-addressing table) with its count; the prefixes only one
 * word has so far (most of them: words are random) are one tail node that points at the word's
 * bytes, stands for all of them with one count, and splits when a second word follows it. So a
 * word costs about 60 bytes, not 19 nodes: about 6 MB for the 100,000 words of one of the blog's
 * shards, small enough for the cache, where a node per prefix took 42 MB and a hash map of byte
 * strings several hundred.
 *
 * <p>Not thread-safe: a state belongs to one worker at a time. Serializable as it stands (five
 * primitive arrays), since one strategy ships it through the driver on purpose.
 */
public final class PrefixCounts implements Serializable {

    private static final long serialVersionUID = 2L;

    /** The blog's rule: a prefix is popular once counted more than three times. */
    public static final int POPULAR_ABOVE = 3;

    /** Bytes a distinct prefix takes at most, however the words share them, spare room included. */
    public static final int MAX_BYTES_PER_PREFIX = 48;

    /** The longest prefix: {@code word[:19]}. */
    private static final int LONGEST = RandomWords.WORD_BYTES - 1;

    private static final int ROOT = 0;

    /** Node id to the key of the edge into it: {@code parent << 8 | byte}. */
    private long[] edges = new long[1024];
    /** Node id to how many words had its prefix (a tail: each of its prefixes). */
    private int[] counts = new int[1024];
    /** Node id to 1 + the offset of its word in {@link #words} for a tail, 0 for a node of one prefix. */
    private int[] tails = new int[1024];
    /** The table: a child's node id at the slot of its key, 0 for empty (the root is nobody's child). */
    private int[] slots = new int[2048];
    private int nodes = 1;
    /** The words that tails point into, whole, end to end. */
    private byte[] words = new byte[RandomWords.WORD_BYTES * 256];
    private int wordBytes;

    /** Counts every prefix of every word of {@code document} ({@link RandomWords} layout). */
    public void addDocument(byte[] document) {
        for (int word = 0; word < document.length; word += RandomWords.WORD_BYTES) {
            addWord(document, word);
        }
    }

    private void addWord(byte[] doc, int at) {
        int node = ROOT;
        for (int depth = 0; depth < LONGEST; depth++) {
            int slot = slot(key(node, doc[at + depth]));
            int child = slots[slot];
            if (child == 0) {
                put(slot, key(node, doc[at + depth]), 1, keep(doc, at)); // no word went here: one tail for the rest
                return;
            }
            if (tails[child] == 0) {
                counts[child]++;
                node = child;
                continue;
            }
            int tail = tails[child] - 1;
            int same = depth + 1;
            while (same < LONGEST && words[tail + same] == doc[at + same]) {
                same++;
            }
            if (same == LONGEST) {
                counts[child]++; // every prefix of the tail: the same 19 bytes again
                return;
            }
            split(child, tail, depth, same, doc, at);
            return;
        }
    }

    /**
     * The tail {@code child} (prefixes from {@code depth + 1}) shared by a new word up to
     * {@code same} bytes: nodes for the shared prefixes, then one tail each for the rest of both words.
     */
    private void split(int child, int tail, int depth, int same, byte[] doc, int at) {
        int old = counts[child];
        tails[child] = 0;
        counts[child] = old + 1;
        int parent = child;
        for (int d = depth + 1; d < same; d++) {
            parent = put(slot(key(parent, words[tail + d])), key(parent, words[tail + d]), old + 1, 0);
        }
        put(slot(key(parent, words[tail + same])), key(parent, words[tail + same]), old, tail + 1);
        put(slot(key(parent, doc[at + same])), key(parent, doc[at + same]), 1, keep(doc, at));
    }

    /** The distinct prefixes counted so far. */
    public long distinctPrefixes() {
        long prefixes = 0;
        for (int node = 1; node < nodes; node++) {
            prefixes += tails[node] == 0 ? 1 : LONGEST - depthOf(node) + 1;
        }
        return prefixes;
    }

    /** The bytes the state holds now (its arrays, spare room included). */
    public long bytes() {
        return 8L * edges.length + 4L * counts.length + 4L * tails.length + 4L * slots.length + words.length;
    }

    /** How many words so far began with {@code prefix}. */
    public int count(byte[] prefix) {
        int node = ROOT;
        for (int i = 0; i < prefix.length; i++) {
            int child = slots[slot(key(node, prefix[i]))];
            if (child == 0) {
                return 0;
            }
            if (tails[child] != 0) {
                int tail = tails[child] - 1;
                for (int j = i + 1; j < prefix.length; j++) {
                    if (j >= LONGEST || words[tail + j] != prefix[j]) {
                        return 0;
                    }
                }
                return counts[child];
            }
            node = child;
        }
        return node == ROOT ? 0 : counts[node];
    }

    /** The prefixes counted more than {@value #POPULAR_ABOVE} times. */
    public PopularPrefixes popular() {
        List<byte[]> popular = new ArrayList<>();
        for (int node = 1; node < nodes; node++) {
            if (counts[node] > POPULAR_ABOVE) {
                byte[] prefix = prefixOf(node);
                popular.add(prefix);
                if (tails[node] != 0) { // a word seen four times or more: every longer prefix of it too
                    int tail = tails[node] - 1;
                    for (int length = prefix.length + 1; length <= LONGEST; length++) {
                        popular.add(Arrays.copyOfRange(words, tail, tail + length));
                    }
                }
            }
        }
        return PopularPrefixes.of(popular);
    }

    private byte[] prefixOf(int node) {
        byte[] prefix = new byte[depthOf(node)];
        int at = node;
        for (int i = prefix.length - 1; i >= 0; i--) {
            prefix[i] = (byte) edges[at];
            at = (int) (edges[at] >>> 8);
        }
        return prefix;
    }

    /** The length of a node's (first) prefix. */
    private int depthOf(int node) {
        int depth = 0;
        for (int at = node; at != ROOT; at = (int) (edges[at] >>> 8)) {
            depth++;
        }
        return depth;
    }

    /** Copies the word at {@code at} into {@link #words}; returns 1 + its offset. */
    private int keep(byte[] doc, int at) {
        if (wordBytes + RandomWords.WORD_BYTES > words.length) {
            words = Arrays.copyOf(words, Math.multiplyExact(2, words.length));
        }
        System.arraycopy(doc, at, words, wordBytes, RandomWords.WORD_BYTES);
        wordBytes += RandomWords.WORD_BYTES;
        return wordBytes - RandomWords.WORD_BYTES + 1;
    }

    /** A new node at the empty {@code slot} of {@code key}; returns its id. */
    private int put(int slot, long key, int count, int tail) {
        int node = nodes++;
        if (node == edges.length) {
            int grown = Math.multiplyExact(2, edges.length);
            edges = Arrays.copyOf(edges, grown);
            counts = Arrays.copyOf(counts, grown);
            tails = Arrays.copyOf(tails, grown);
        }
        edges[node] = key;
        counts[node] = count;
        tails[node] = tail;
        slots[slot] = node;
        if (2L * nodes > slots.length) {
            rehash(); // at most half full: probes stay short
        }
        return node;
    }

    /** The slot of {@code key}: where it is, or the empty slot where it would go. */
    private int slot(long key) {
        int mask = slots.length - 1;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask; // Fibonacci hashing: parents are dense small numbers
        while (slots[slot] != 0 && edges[slots[slot]] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void rehash() {
        slots = new int[Math.multiplyExact(2, slots.length)];
        for (int node = 1; node < nodes; node++) {
            slots[slot(edges[node])] = node;
        }
    }

    private static long key(int parent, byte b) {
        return (long) parent << 8 | (b & 0xFF);
    }
}
