package dev.sparkcputour.kernel;

import java.lang.ref.Reference;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The floor under any kernel that convolves one filter at a time: reading, once, every image row
 * that one filter's sampled outputs touch (4 rows in 5 at stride 5 with 4-row filters, 57.6 MB of
 * a 3000×3000 image). Nothing is computed, so a kernel near this time is bound by memory.
 */
public final class ReadFloor {

    private ReadFloor() {
    }

    /**
     * Reads the rows of {@code image} that a {@code filterHeight}-row filter needs at {@code stride};
     * returns the XOR of their bits, for the caller to consume so the JIT cannot drop the reads.
     */
    public static long readRows(INDArray image, int filterHeight, int stride) {
        INDArray img = SampledSums.contiguous(image);
        DoubleIndexer in = (DoubleIndexer) img.data().indexer();
        int h = (int) img.size(0);
        long w = img.size(1);
        long oh = Convolution.outputSize(h, filterHeight, stride);
        long bits = 0;
        int next = 0; // rows below this were read already: filters taller than the stride share rows
        for (long i = 0; i < oh; i++) {
            long y = i * stride;
            int from = (int) Math.max(next, y - filterHeight + 1);
            int to = (int) Math.min(y, h - 1);
            for (int r = from; r <= to; r++) {
                for (long p = r * w, end = p + w; p < end; p++) {
                    bits ^= Double.doubleToRawLongBits(in.get(p));
                }
            }
            next = Math.max(next, to + 1);
        }
        Reference.reachabilityFence(img); // read by raw address until here
        return bits;
    }
}
