package dev.sparkcputour.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code vector} kernel: each output summed exactly as {@code strided} sums it, so the same
 * bits, but scheduled for the JIT. A 4×4 filter's interior outputs (all taps inside the image)
 * take {@link Unrolled4x4}, and at stride 1 {@link Lanes4x4}'s vector lanes; the frame where taps
 * fall off the image, and other filter shapes, take the plain loop of {@link SampledSums}. Row by
 * row, so the frame's pixels are read while their rows are in cache.
 */
final class VectorConvolution {

    /** Whether this JVM resolved the Vector API ({@code --add-modules=jdk.incubator.vector}); without it, scalar. */
    static final boolean LANES_AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorConvolution() {
    }

    static INDArray convolve(INDArray image, INDArray filter, int stride) {
        return convolve(image, filter, stride, LANES_AVAILABLE);
    }

    /** With {@code lanes} false, scalar throughout, as in a JVM without the module: the same bits. */
    static INDArray convolve(INDArray image, INDArray filter, int stride, boolean lanes) {
        SampledSums s = new SampledSums(image, filter, stride);
        // the interior: y = i·stride in [kh-1, h-1] and x = j·stride in [kw-1, w-1]
        int iFrom = ceilDiv(s.kh - 1, stride);
        int iTo = (s.h - 1) / stride;
        int jFrom = ceilDiv(s.kw - 1, stride);
        int jTo = (s.w - 1) / stride + 1; // exclusive
        boolean unrolled = s.kh == 4 && s.kw == 4 && jFrom < jTo;
        Lanes4x4 vectors = unrolled && lanes && stride == 1 && fitsByteBuffer((long) s.h * s.w)
                && fitsByteBuffer((long) s.oh * s.ow) ? new Lanes4x4(s) : null;
        for (int i = 0; i < s.oh; i++) {
            if (unrolled && i >= iFrom && i <= iTo) {
                s.fill(i, 0, jFrom);
                int j = vectors != null ? vectors.row(i, jFrom, jTo) : jFrom;
                Unrolled4x4.row(s, i, j, jTo);
                s.fill(i, jTo, s.ow);
            } else {
                s.fill(i, 0, s.ow);
            }
        }
        return s.finish();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Whether a buffer of this many doubles has int byte offsets, as a ByteBuffer needs. */
    private static boolean fitsByteBuffer(long doubles) {
        return doubles <= Integer.MAX_VALUE / Double.BYTES;
    }
}
