package dev.sparkcputour.kernel;

import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SciPy's {@code convolve2d(image, filter)} in its default "full" mode, sampled
 * {@code [::stride, ::stride]}: only the sampled outputs are computed, not the full
 * (H+kh-1)×(W+kw-1) result that the tutorial computes and then mostly throws away.
 * {@code vector} and {@code strided} sum each output in one fixed order of fmas (see
 * {@link SampledSums}) and agree to the last bit; {@code nd4j} agrees to rounding.
 */
public enum Convolution {

    /** The default: {@code strided}'s arithmetic, unrolled for 4×4 filters and vectorised at stride 1. */
    VECTOR("vector") {
        @Override
        public INDArray convolve(INDArray image, INDArray filter, int stride) {
            return VectorConvolution.convolve(image, filter, stride);
        }
    },

    /** The scalar reference: the contract's loop, output by output, over the ND4J buffers. */
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
        throw new IllegalArgumentException("unknown kernel '" + name + "' (expected vector, strided or nd4j)");
    }

    private static INDArray stridedLoop(INDArray image, INDArray filter, int stride) {
        SampledSums sums = new SampledSums(image, filter, stride);
        for (int i = 0; i < sums.oh; i++) {
            sums.fill(i, 0, sums.ow);
        }
        return sums.finish();
    }

    private static INDArray nd4jConv2d(INDArray image, INDArray filter, int stride) {
        long kh = filter.size(0);
        long kw = filter.size(1);
        INDArray input = SampledSums.contiguous(image).reshape('c', 1, 1, image.size(0), image.size(1));
        // conv2d correlates; flipping both axes of the filter makes it SciPy's convolution
        INDArray weights = Nd4j.reverse(SampledSums.contiguous(filter).dup('c')).reshape('c', 1, 1, kh, kw);
        Conv2DConfig config = Conv2DConfig.builder()
                .kH(kh).kW(kw).sH(stride).sW(stride).pH(kh - 1).pW(kw - 1).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW)
                .weightsFormat(WeightsFormat.OIYX).build();
        INDArray out = Nd4j.cnn().conv2d(input, weights, config);
        return out.reshape('c', out.size(2), out.size(3));
    }
}
