package dev.sparkcputour.kernel;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A set of popular prefixes, sorted: what a worker reports, and their union the answer. Each
 * prefix is held as a Latin-1 string, one char per byte, so that {@code String.compareTo} sorts
 * as unsigned bytes (a prefix before its extensions) and equality is exact.
 */
public final class PopularPrefixes implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final PopularPrefixes NONE = new PopularPrefixes(new String[0]);

    /** Sorted, no duplicates. */
    private final String[] sorted;

    private PopularPrefixes(String[] sorted) {
        this.sorted = sorted;
    }

    /** The set of {@code prefixes}, in any order, duplicates allowed. */
    public static PopularPrefixes of(List<byte[]> prefixes) {
        String[] all = prefixes.stream().map(p -> new String(p, StandardCharsets.ISO_8859_1)).sorted().distinct()
                .toArray(String[]::new);
        return new PopularPrefixes(all);
    }

    public int size() {
        return sorted.length;
    }

    /** The union of this set and {@code other}: one merge of two sorted arrays. */
    public PopularPrefixes union(PopularPrefixes other) {
        String[] a = sorted;
        String[] b = other.sorted;
        String[] out = new String[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            int order = i == a.length ? 1 : j == b.length ? -1 : a[i].compareTo(b[j]);
            out[n++] = order <= 0 ? a[i] : b[j];
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }
        return new PopularPrefixes(Arrays.copyOf(out, n));
    }

    /**
     * The answer as exact text: the size, and the first 16 hex digits of the SHA-256 of the sorted
     * prefixes, each preceded by its length.
     */
    public String answer() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (String prefix : sorted) {
            sha.update((byte) prefix.length());
            sha.update(prefix.getBytes(StandardCharsets.ISO_8859_1));
        }
        return String.format(Locale.ROOT, "%d popular, sha256 %s", sorted.length,
                HexFormat.of().formatHex(sha.digest(), 0, 8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PopularPrefixes p && Arrays.equals(sorted, p.sorted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sorted);
    }

    @Override
    public String toString() {
        return answer();
    }
}
