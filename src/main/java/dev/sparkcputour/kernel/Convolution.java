package dev.sparkcputour.kernel;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SciPy's {@code convolve2d(image, filter)} in its default "full" mode, sampled
 * {@code [::stride, ::stride]}: only the sampled outputs are computed, not the full
 * (H+kh-1)×(W+kw-1) result that the tutorial computes and then mostly throws away.
 */
public enum Convolution {

    /** A direct loop over the ND4J buffers: no im2col copy, no native call per filter. The default. */
    STRIDED("strided") {
        @Override
        public INDArray convolve(INDArray image, INDArray filter, int stride) {
            return stridedLoop(image, filter, stride);
        }
    },

    /** ND4J's conv2d (a cross-correlation) with the filter flipped, padding kh-1 × kw-1 and the stride. */
    ND4J("nd4j") {
        @Override
        public INDArray convolve(INDArray image, INDArray filter, int stride) {
            return nd4jConv2d(image, filter, stride);
        }
    };

    private final String cliName;

    Convolution(String cliName) {
        this.cliName = cliName;
    }

    /** The name users type after {@code --kernel}. */
    public String cliName() {
        return cliName;
    }

    /**
     * Whether each output is summed as {@code sum = Math.fma(tap, pixel, sum)} from 0.0, filter row
     * then column ascending: the order {@link BandConvolution} keeps, so the two agree bit for bit.
     * ND4J's conv2d sums in an order of its own.
     */
    public boolean fmaInTapOrder() {
        return this != ND4J;
    }

    /** The H'×W' sampled full convolution of an H×W image with a kh×kw filter, in double precision. */
    public abstract INDArray convolve(INDArray image, INDArray filter, int stride);

    /** The length of one side of the sampled output: ceil((n + k - 1) / stride). */
    public static long outputSize(long n, long k, int stride) {
        return (n + k - 1 + stride - 1) / stride;
    }

    /** The kernel named {@code name}, or an exception listing the names. */
    public static Convolution byName(String name) {
        for (Convolution kernel : values()) {
            if (kernel.cliName.equals(name)) {
                return kernel;
            }
        }
        throw new IllegalArgumentException("unknown kernel '" + name + "' (expected strided or nd4j)");
    }

    private static INDArray stridedLoop(INDArray image, INDArray filter, int stride) {
        INDArray img = contiguous(image);
        int h = (int) img.size(0);
        int w = (int) img.size(1);
        int kh = (int) filter.size(0);
        int kw = (int) filter.size(1);
        int oh = (int) outputSize(h, kh, stride);
        int ow = (int) outputSize(w, kw, stride);
        double[] f = contiguous(filter).data().asDouble();
        DoubleIndexer in = (DoubleIndexer) img.data().indexer();
        // written in place: a heap array copied into ND4J afterwards costs a second pass per result
        INDArray result = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {oh, ow}, 'c');
        DoubleIndexer out = (DoubleIndexer) result.data().indexer();
        for (int i = 0; i < oh; i++) {
            int y = i * stride;
            // only the filter rows that land inside the image: full mode pads with zeros
            int aMin = Math.max(0, y - h + 1);
            int aMax = Math.min(kh - 1, y);
            for (int j = 0; j < ow; j++) {
                int x = j * stride;
                int bMin = Math.max(0, x - w + 1);
                int bMax = Math.min(kw - 1, x);
                double sum = 0;
                for (int a = aMin; a <= aMax; a++) {
                    long row = (long) (y - a) * w + x;
                    int fRow = a * kw;
                    for (int b = bMin; b <= bMax; b++) {
                        sum = Math.fma(f[fRow + b], in.get(row - b), sum);
                    }
                }
                out.put((long) i * ow + j, sum);
            }
        }
        return result;
    }

    private static INDArray nd4jConv2d(INDArray image, INDArray filter, int stride) {
        long kh = filter.size(0);
        long kw = filter.size(1);
        INDArray input = contiguous(image).reshape('c', 1, 1, image.size(0), image.size(1));
        // conv2d correlates; flipping both axes of the filter makes it SciPy's convolution
        INDArray weights = Nd4j.reverse(contiguous(filter).dup('c')).reshape('c', 1, 1, kh, kw);
        Conv2DConfig config = Conv2DConfig.builder()
                .kH(kh).kW(kw).sH(stride).sW(stride).pH(kh - 1).pW(kw - 1).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW)
                .weightsFormat(WeightsFormat.OIYX).build();
        INDArray out = Nd4j.cnn().conv2d(input, weights, config);
        return out.reshape('c', out.size(2), out.size(3));
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
