package dev.sparkcputour.kernel;

import java.lang.ref.Reference;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One sampled convolution being written: the C-ordered inputs, the result, and each output summed
 * the one way every exact kernel sums it. Output (i, j) at y = i·stride, x = j·stride starts from
 * {@code +0.0} and takes {@code sum = fma(f[a][b], image[y-a][x-b], sum)} for a ascending, then b
 * ascending, skipping the taps that fall outside the image (full mode pads with zeros). Kernels
 * that keep this order per output give the same bits, however they schedule the outputs.
 */
final class SampledSums {

    final INDArray image;
    final INDArray result;
    final DoubleIndexer in;
    final DoubleIndexer out;
    final double[] f;
    final int h;
    final int w;
    final int kh;
    final int kw;
    final int oh;
    final int ow;
    final int stride;

    SampledSums(INDArray image, INDArray filter, int stride) {
        this.image = contiguous(image);
        this.f = contiguous(filter).data().asDouble();
        this.h = (int) this.image.size(0);
        this.w = (int) this.image.size(1);
        this.kh = (int) filter.size(0);
        this.kw = (int) filter.size(1);
        this.oh = (int) Convolution.outputSize(h, kh, stride);
        this.ow = (int) Convolution.outputSize(w, kw, stride);
        this.stride = stride;
        this.in = (DoubleIndexer) this.image.data().indexer();
        // written in place: a heap array copied into ND4J afterwards costs a second pass per result
        this.result = ResultArrays.uninitialized(oh, ow);
        this.out = (DoubleIndexer) result.data().indexer();
    }

    /** Output (i, j) for j in [from, to), each summed in the contract's order. */
    void fill(int i, int from, int to) {
        int y = i * stride;
        // only the filter rows and columns that land inside the image
        int aMin = Math.max(0, y - h + 1);
        int aMax = Math.min(kh - 1, y);
        for (int j = from; j < to; j++) {
            int x = j * stride;
            int bMin = Math.max(0, x - w + 1);
            int bMax = Math.min(kw - 1, x);
            double sum = 0.0;
            for (int a = aMin; a <= aMax; a++) {
                long row = (long) (y - a) * w + x;
                for (int b = bMin; b <= bMax; b++) {
                    sum = Math.fma(f[a * kw + b], in.get(row - b), sum);
                }
            }
            out.put((long) i * ow + j, sum);
        }
    }

    /** The finished result. Until here the image stays reachable: the loops read its memory by raw address. */
    INDArray finish() {
        Reference.reachabilityFence(image);
        return result;
    }

    /** A C-ordered, offset-free double array: what the loops index directly. */
    static INDArray contiguous(INDArray array) {
        if (array.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("arrays must be DOUBLE, got " + array.dataType());
        }
        return isContiguous(array) ? array : array.dup('c');
    }

    /** Whether {@code array} is DOUBLE and its elements lie in C order from the start of its own buffer. */
    static boolean isContiguous(INDArray array) {
        return array.dataType() == DataType.DOUBLE && array.ordering() == 'c' && !array.isView() && array.offset() == 0;
    }
}
