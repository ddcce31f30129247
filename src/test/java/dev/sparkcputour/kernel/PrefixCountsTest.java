package dev.sparkcputour.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prefix trie against the blog's plain dictionary of prefixes, and the popular sets' algebra. */
class PrefixCountsTest {

    @Test
    void countsEveryPrefixExactlyAsADictionaryOfPrefixesWould() {
        PrefixCounts trie = new PrefixCounts();
        Map<String, Integer> dictionary = new HashMap<>();
        for (int doc = 0; doc < 4; doc++) {
            // few distinct bytes, so that long prefixes repeat and tails split at every depth
            byte[] document = RandomWords.document(11, doc, 4_000);
            int shared = 3 + 4 * doc;
            for (int i = 0; i < document.length; i++) {
                document[i] = (byte) (document[i] & (i % 20 < shared ? 0x03 : 0xFF));
            }
            // and whole words again: a tail counted more than three times
            for (int copy = 1; copy <= 5 * doc; copy++) {
                System.arraycopy(document, 0, document, copy * RandomWords.WORD_BYTES, RandomWords.WORD_BYTES);
            }
            trie.addDocument(document);
            for (int word = 0; word < document.length; word += RandomWords.WORD_BYTES) {
                for (int i = 1; i < RandomWords.WORD_BYTES; i++) {
                    dictionary.merge(new String(document, word, i, StandardCharsets.ISO_8859_1), 1, Integer::sum);
                }
            }
        }
        assertEquals(dictionary.size(), trie.distinctPrefixes());
        dictionary.forEach((prefix, count) ->
                assertEquals(count, trie.count(prefix.getBytes(StandardCharsets.ISO_8859_1)), prefix));
        assertEquals(0, trie.count(new byte[] {(byte) 0xF0}), "no word begins with 0xF0 here");

        List<byte[]> popular = new ArrayList<>();
        dictionary.forEach((prefix, count) -> {
            if (count > PrefixCounts.POPULAR_ABOVE) {
                popular.add(prefix.getBytes(StandardCharsets.ISO_8859_1));
            }
        });
        assertEquals(PopularPrefixes.of(popular), trie.popular());
        assertTrue(trie.popular().size() > 4 * 4 * 4 * 4, "prefixes of up to six bytes repeat: " + trie.popular());
    }

    @Test
    void aShardOfTheBlogTakesAFewMegabytes() {
        PrefixCounts shard = new PrefixCounts();
        for (int doc = 0; doc < 10; doc++) {
            shard.addDocument(RandomWords.document(42, doc, 10_000));
        }
        // 256 + ~51,000 + ~100,000 per length from 3 to 19
        assertTrue(shard.distinctPrefixes() > 1_700_000 && shard.distinctPrefixes() < 1_800_000, "" + shard.distinctPrefixes());
        assertTrue(shard.bytes() < 8L << 20, shard.bytes() + " bytes");
        assertTrue(shard.bytes() <= (long) PrefixCounts.MAX_BYTES_PER_PREFIX * shard.distinctPrefixes());
    }

    @Test
    void unionsAreSortedSetsAndTheAnswerNamesSizeAndOrder() {
        PopularPrefixes a = PopularPrefixes.of(List.of(bytes(1), bytes(0xFF), bytes(1, 2)));
        PopularPrefixes b = PopularPrefixes.of(List.of(bytes(1, 2), bytes(0x80), bytes(1)));
        PopularPrefixes union = a.union(b);
        assertEquals(PopularPrefixes.of(List.of(bytes(1), bytes(1, 2), bytes(0x80), bytes(0xFF))), union);
        assertEquals(union, b.union(a));
        assertEquals(union, union.union(PopularPrefixes.NONE));
        assertEquals(4, union.size());
        assertTrue(union.answer().matches("4 popular, sha256 [0-9a-f]{16}"), union.answer());
        assertTrue(!union.answer().equals(PopularPrefixes.of(List.of(bytes(1), bytes(2), bytes(0x80), bytes(0xFF))).answer()));
        assertEquals(PopularPrefixes.of(List.of(bytes(2, 1))).answer(),
                PopularPrefixes.of(Arrays.asList(bytes(2, 1), bytes(2, 1))).answer(), "a set: duplicates once");
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
