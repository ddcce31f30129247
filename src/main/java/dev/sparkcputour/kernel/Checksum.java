package dev.sparkcputour.kernel;

import java.util.Locale;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The image workload's answer: sums added in one fixed order on one thread, so every strategy
 * that computes the same arrays prints the identical number. (ND4J's own {@code sum()} may split
 * the work across threads and round differently.)
 */
public final class Checksum {

    private Checksum() {
    }

    /**
     * The sum of every element in C order, dealt round-robin to four running sums added at the end
     * as (s0 + s1) + (s2 + s3): one fixed order, but four additions in flight instead of a chain
     * of one at a time, which cost 0.3 ms per 601×601 result, a third of the band kernel's time.
     */
    public static double sum(INDArray array) {
        INDArray c = array.ordering() == 'c' && !array.isView() ? array : array.dup('c');
        DoubleIndexer values = (DoubleIndexer) c.data().indexer();
        long n = c.length();
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        long i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += values.get(i);
            s1 += values.get(i + 1);
            s2 += values.get(i + 2);
            s3 += values.get(i + 3);
        }
        // at most three left: the next positions of s0, s1, s2
        s0 += i < n ? values.get(i) : 0.0;
        s1 += i + 1 < n ? values.get(i + 1) : 0.0;
        s2 += i + 2 < n ? values.get(i + 2) : 0.0;
        return (s0 + s1) + (s2 + s3);
    }

    /** A double as a decimal string with 17 significant digits: enough to tell any two doubles apart. */
    public static String format(double value) {
        return String.format(Locale.ROOT, "%.17g", value);
    }
}
