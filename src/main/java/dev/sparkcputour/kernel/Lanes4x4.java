package dev.sparkcputour.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Unrolled4x4} at stride 1 with one output per vector lane (8 with AVX-512), read straight
 * from ND4J's off-heap buffer. Each lane runs the contract's fma chain for its own output, so the
 * bits are the scalar loop's. Only stride 1 puts neighbouring outputs' pixels side by side; at
 * stride 5 they lie 5 apart, and gathering them cost more than the scalar loop (measured).
 * Loaded only when the JVM resolved the jdk.incubator.vector module.
 */
final class Lanes4x4 {

    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private final SampledSums s;
    // the whole off-heap buffers, read and written without a call per pixel
    private final ByteBuffer in;
    private final ByteBuffer out;

    /** For a stride-1 convolution whose buffers fit a ByteBuffer (int byte offsets). */
    Lanes4x4(SampledSums s) {
        this.s = s;
        this.in = s.image.data().asNio();
        this.out = s.result.data().asNio();
    }

    /** Outputs (i, j) from {@code from} in whole vectors short of {@code to}; returns the first column left over. */
    int row(int i, int from, int to) {
        double[] f = s.f;
        DoubleVector f00 = weight(f[0]), f01 = weight(f[1]), f02 = weight(f[2]), f03 = weight(f[3]);
        DoubleVector f10 = weight(f[4]), f11 = weight(f[5]), f12 = weight(f[6]), f13 = weight(f[7]);
        DoubleVector f20 = weight(f[8]), f21 = weight(f[9]), f22 = weight(f[10]), f23 = weight(f[11]);
        DoubleVector f30 = weight(f[12]), f31 = weight(f[13]), f32 = weight(f[14]), f33 = weight(f[15]);
        DoubleVector zero = DoubleVector.zero(LANES);
        int lanes = LANES.length();
        int end = from + (to - from) / lanes * lanes;
        int row0 = i * s.w; // image row y - 0 (stride 1: y = i, x = j), then y - 1, y - 2, y - 3
        int row1 = row0 - s.w;
        int row2 = row1 - s.w;
        int row3 = row2 - s.w;
        int o = i * s.ow;
        for (int j = from; j < end; j += lanes) {
            DoubleVector sum = taps(row0 + j, f00, f01, f02, f03, zero);
            sum = taps(row1 + j, f10, f11, f12, f13, sum);
            sum = taps(row2 + j, f20, f21, f22, f23, sum);
            sum = taps(row3 + j, f30, f31, f32, f33, sum);
            sum.intoByteBuffer(out, (o + j) * Double.BYTES, ORDER);
        }
        return end;
    }

    private static DoubleVector weight(double value) {
        return DoubleVector.broadcast(LANES, value);
    }

    /** One filter row's four taps, b = 0..3, for the outputs p, p+1, ... of the lanes; continuing {@code sum}. */
    private DoubleVector taps(int p, DoubleVector w0, DoubleVector w1, DoubleVector w2, DoubleVector w3,
            DoubleVector sum) {
        // pixels·w + sum: the product commutes exactly, so each lane is fma(w, pixel, sum)
        sum = pixels(p).fma(w0, sum);
        sum = pixels(p - 1).fma(w1, sum);
        sum = pixels(p - 2).fma(w2, sum);
        return pixels(p - 3).fma(w3, sum);
    }

    private DoubleVector pixels(int index) {
        return DoubleVector.fromByteBuffer(LANES, in, index * Double.BYTES, ORDER);
    }
}
