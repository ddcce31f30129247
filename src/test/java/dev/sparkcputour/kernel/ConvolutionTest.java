package dev.sparkcputour.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Every kernel against a plain full convolution, and against SciPy's own results. */
class ConvolutionTest {

    private static final double RELATIVE = 1e-12;

    /** The textbook definition: out[y][x] = Σ image[y-a][x-b]·filter[a][b] over all of the full output. */
    static double[][] fullConvolution(double[][] image, double[][] filter) {
        int h = image.length;
        int w = image[0].length;
        int kh = filter.length;
        int kw = filter[0].length;
        double[][] out = new double[h + kh - 1][w + kw - 1];
        for (int y = 0; y < out.length; y++) {
            for (int x = 0; x < out[0].length; x++) {
                double sum = 0;
                for (int a = 0; a < kh; a++) {
                    for (int b = 0; b < kw; b++) {
                        int r = y - a;
                        int c = x - b;
                        if (r >= 0 && r < h && c >= 0 && c < w) {
                            sum += image[r][c] * filter[a][b];
                        }
                    }
                }
                out[y][x] = sum;
            }
        }
        return out;
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(37, 53, 4, 4, 5), Arguments.of(37, 53, 3, 5, 5), Arguments.of(37, 53, 4, 4, 1),
                Arguments.of(37, 53, 3, 5, 1), Arguments.of(4, 4, 4, 4, 5), Arguments.of(5, 9, 1, 1, 2),
                Arguments.of(64, 48, 4, 4, 3), Arguments.of(11, 7, 5, 2, 7));
    }

    @ParameterizedTest(name = "{0}×{1} image, {2}×{3} filter, stride {4}")
    @MethodSource("shapes")
    void everyKernelMatchesTheFullConvolutionSampled(int h, int w, int kh, int kw, int stride) {
        SplittableRandom random = new SplittableRandom(h * 1000L + w + kh + kw + stride);
        double[][] image = random2d(random, h, w);
        double[][] filter = random2d(random, kh, kw);
        double[][] full = fullConvolution(image, filter);
        for (Convolution kernel : Convolution.values()) {
            INDArray result = kernel.convolve(nd(image), nd(filter), stride);
            assertEquals(DataType.DOUBLE, result.dataType());
            assertArrayEquals(new long[] {Convolution.outputSize(h, kh, stride), Convolution.outputSize(w, kw, stride)},
                    result.shape(), kernel.name());
            for (int i = 0; i < result.size(0); i++) {
                for (int j = 0; j < result.size(1); j++) {
                    assertClose(full[i * stride][j * stride], result.getDouble(i, j), kernel + " at " + i + "," + j);
                }
            }
        }
    }

    @Test
    void theTutorialShapeIs601By601() {
        assertEquals(601, Convolution.outputSize(3000, 4, 5));
    }

    static Stream<Arguments> scipyGoldens() {
        return Stream.of(Arguments.of("filters.npy", "expected_stride5.npy", 5),
                Arguments.of("filters.npy", "expected_stride1.npy", 1),
                Arguments.of("filters_3x5.npy", "expected_3x5_stride5.npy", 5));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("scipyGoldens")
    void everyKernelMatchesScipy(String filters, String expected, int stride) throws IOException {
        Path dir = Path.of("src/test/resources/golden/convolution");
        INDArray image = NpyFormat.read(dir.resolve("image.npy"), 2);
        INDArray stack = NpyFormat.read(dir.resolve(filters), 3);
        INDArray scipy = NpyFormat.read(dir.resolve(expected), 3);
        for (Convolution kernel : Convolution.values()) {
            for (int k = 0; k < stack.size(0); k++) {
                INDArray filter = stack.get(NDArrayIndex.point(k), NDArrayIndex.all(), NDArrayIndex.all());
                INDArray result = kernel.convolve(image, filter, stride);
                INDArray reference = scipy.get(NDArrayIndex.point(k), NDArrayIndex.all(), NDArrayIndex.all());
                assertArrayEquals(reference.shape(), result.shape());
                for (int i = 0; i < result.size(0); i++) {
                    for (int j = 0; j < result.size(1); j++) {
                        assertClose(reference.getDouble(i, j), result.getDouble(i, j), kernel + " filter " + k);
                    }
                }
            }
        }
    }

    @Test
    void checksumsAreExactSumsInCOrder() {
        INDArray a = Nd4j.create(new double[] {1e16, 1, -1e16, 1}, new long[] {2, 2}, DataType.DOUBLE);
        // left to right: (1e16 + 1) - 1e16 + 1 = 0 + 1 = 1.0 in doubles (the first 1 is absorbed)
        assertEquals(1.0, Checksum.sum(a));
        assertEquals(1.0, Checksum.sum(a.transpose().dup('f').transpose()), "same order whatever the layout");
        assertEquals("36587065.974127896", Checksum.format(36587065.974127896));
        assertEquals("0.0000000000000000", Checksum.format(0.0));
    }

    @Test
    void refusesFloatArrays() {
        INDArray floats = Nd4j.create(DataType.FLOAT, 5, 5);
        assertThrows(IllegalArgumentException.class,
                () -> Convolution.STRIDED.convolve(floats, Nd4j.ones(DataType.DOUBLE, 2, 2), 1));
        assertTrue(Convolution.byName("nd4j") == Convolution.ND4J);
        assertThrows(IllegalArgumentException.class, () -> Convolution.byName("fft"));
    }

    private static void assertClose(double expected, double actual, String where) {
        double tolerance = RELATIVE * Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, tolerance, where);
    }

    static double[][] random2d(SplittableRandom random, int h, int w) {
        double[][] out = new double[h][w];
        for (double[] row : out) {
            for (int j = 0; j < w; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return out;
    }

    private static INDArray nd(double[][] values) {
        return Nd4j.createFromArray(values); // double[][] gives a DOUBLE array, whatever the default
    }
}
