package dev.sparkcputour.kernel;

import dev.sparkcputour.io.NpyFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Every kernel against a plain full convolution and SciPy's own results; the exact kernels against their contract, bit for bit. */
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

    /** Odd image shapes, the tutorial's 4×4 filters and others, at strides 1 and 5; then some corner cases. */
    static Stream<Arguments> shapes() {
        Stream<Arguments> grid = Stream.of(new int[] {37, 53}, new int[] {123, 457})
                .flatMap(image -> Stream.of(new int[] {4, 4}, new int[] {3, 5}, new int[] {1, 1})
                        .flatMap(filter -> IntStream.of(1, 5)
                                .mapToObj(stride -> Arguments.of(image[0], image[1], filter[0], filter[1], stride))));
        Stream<Arguments> corners = Stream.of(Arguments.of(4, 4, 4, 4, 5), Arguments.of(4, 4, 4, 4, 1),
                Arguments.of(5, 9, 1, 1, 2), Arguments.of(64, 48, 4, 4, 3), Arguments.of(11, 7, 5, 2, 7),
                Arguments.of(9, 30, 4, 4, 2), Arguments.of(6, 21, 4, 4, 1));
        return Stream.concat(grid, corners);
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

    /**
     * The contract every exact kernel keeps, written the way a padded (vector) form computes it: all
     * kh·kw taps per output in order, out-of-image pixels as 0.0, so off-image taps add fma(f, 0.0, sum).
     * A sum starting at +0.0 never becomes -0.0, so for finite values those taps leave it unchanged.
     */
    static double[][] paddedFmaReference(double[][] image, double[][] filter, int stride) {
        int h = image.length;
        int w = image[0].length;
        int kh = filter.length;
        int kw = filter[0].length;
        double[][] out = new double[(int) Convolution.outputSize(h, kh, stride)][(int) Convolution.outputSize(w, kw, stride)];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[0].length; j++) {
                int y = i * stride;
                int x = j * stride;
                double sum = 0.0;
                for (int a = 0; a < kh; a++) {
                    for (int b = 0; b < kw; b++) {
                        int r = y - a;
                        int c = x - b;
                        double pixel = r >= 0 && r < h && c >= 0 && c < w ? image[r][c] : 0.0;
                        sum = Math.fma(filter[a][b], pixel, sum);
                    }
                }
                out[i][j] = sum;
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}×{1} image, {2}×{3} filter, stride {4}")
    @MethodSource("shapes")
    void vectorAndStridedGiveTheContractsBits(int h, int w, int kh, int kw, int stride) {
        SplittableRandom random = new SplittableRandom(h * 7919L + w * 31L + kh * 7L + kw + stride);
        double[][] image = random2d(random, h, w);
        // zeros of both signs and a zero filter tap: products of ±0 must not flip a sum's sign either
        image[h / 2][w / 2] = 0.0;
        image[h - 1][0] = -0.0;
        double[][] filter = random2d(random, kh, kw);
        if (kh * kw > 1) {
            filter[kh - 1][0] = 0.0;
        }
        INDArray expected = nd(paddedFmaReference(image, filter, stride));
        INDArray strided = Convolution.STRIDED.convolve(nd(image), nd(filter), stride);
        assertBitsEqual(expected, strided, "strided");
        assertBitsEqual(expected, Convolution.VECTOR.convolve(nd(image), nd(filter), stride), "vector");
        assertBitsEqual(expected, VectorConvolution.convolve(nd(image), nd(filter), stride, false), "vector, scalar only");
    }

    @Test
    void vectorAndStridedAgreeBitForBitOnTheTutorialsShape() {
        INDArray image = RandomArrays.uniform(301, 299, 3);
        INDArray filters = RandomArrays.gaussian(3, 4, 4, 3);
        for (int stride : new int[] {1, 2, 5}) {
            for (int k = 0; k < filters.size(0); k++) {
                INDArray filter = filters.get(NDArrayIndex.point(k), NDArrayIndex.all(), NDArrayIndex.all());
                INDArray strided = Convolution.STRIDED.convolve(image, filter, stride);
                assertBitsEqual(strided, Convolution.VECTOR.convolve(image, filter, stride), "stride " + stride);
                assertBitsEqual(strided, VectorConvolution.convolve(image, filter, stride, false), "scalar, stride " + stride);
            }
        }
    }

    @Test
    void zerosGivePositiveZeros() {
        INDArray zeros = RandomArrays.zeros(23, 19);
        INDArray negative = Nd4j.createFromArray(new double[][] {{-1, -2, -3, -4}, {-5, -6, -7, -8}, {-1, -1, -1, -1},
                {-2, -2, -2, -2}});
        for (Convolution kernel : List.of(Convolution.VECTOR, Convolution.STRIDED)) {
            for (int stride : new int[] {1, 5}) {
                for (double value : kernel.convolve(zeros, negative, stride).data().asDouble()) {
                    assertEquals(0L, Double.doubleToRawLongBits(value), kernel + ": +0.0, never -0.0");
                }
            }
        }
    }

    static Stream<Arguments> layouts() {
        return Stream.of(Arguments.of(4, 4, 5), Arguments.of(4, 4, 1), Arguments.of(3, 5, 5), Arguments.of(3, 5, 1));
    }

    /** Views with an offset, Fortran order and transposed views give the bits of the same values in C order. */
    @ParameterizedTest(name = "{0}×{1} filter, stride {2}")
    @MethodSource("layouts")
    void everyLayoutGivesTheSameBits(int kh, int kw, int stride) {
        INDArray big = RandomArrays.uniform(60, 75, 11);
        INDArray plain = big.get(NDArrayIndex.interval(5, 42), NDArrayIndex.interval(9, 62)).dup('c');
        INDArray stack = RandomArrays.gaussian(3, kh, kw, 11);
        INDArray filterView = stack.get(NDArrayIndex.point(2), NDArrayIndex.all(), NDArrayIndex.all());
        INDArray filter = filterView.dup('c');
        Map<String, INDArray> images = new LinkedHashMap<>();
        images.put("an offset view", big.get(NDArrayIndex.interval(5, 42), NDArrayIndex.interval(9, 62)));
        images.put("F order", plain.dup('f'));
        images.put("a transposed view", plain.transpose().dup('c').transpose());
        for (Convolution kernel : Convolution.values()) {
            INDArray expected = kernel.convolve(plain, filter, stride);
            for (Map.Entry<String, INDArray> image : images.entrySet()) {
                String where = kernel + " on " + image.getKey();
                assertBitsEqual(expected, kernel.convolve(image.getValue(), filterView, stride), where);
                assertBitsEqual(expected, kernel.convolve(image.getValue(), filter.dup('f'), stride), where + ", F-order filter");
            }
        }
    }

    @Test
    void theTestJvmRunsTheVectorLanes() {
        assertTrue(VectorConvolution.LANES_AVAILABLE,
                "Surefire's argLine reads conf/java17-opens.args, which adds the jdk.incubator.vector module");
    }

    @Test
    void theReadFloorReadsEachNeededRowOnce() {
        INDArray image = RandomArrays.uniform(37, 53, 5);
        double[] values = image.data().asDouble();
        for (int[] shape : new int[][] {{4, 5}, {4, 2}, {1, 3}, {4, 1}}) {
            int kh = shape[0];
            int stride = shape[1];
            long expected = 0;
            for (int r = 0; r < 37; r++) {
                int row = r;
                // a row is needed when some sampled output row y = i·stride has y - kh < row <= y
                boolean needed = IntStream.range(0, (int) Convolution.outputSize(37, kh, stride))
                        .anyMatch(i -> i * stride - kh < row && row <= i * stride);
                for (int c = 0; needed && c < 53; c++) {
                    expected ^= Double.doubleToRawLongBits(values[r * 53 + c]);
                }
            }
            assertEquals(expected, ReadFloor.readRows(image, kh, stride), kh + " rows, stride " + stride);
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
    void checksumsAreSumsInOneFixedOrder() {
        // C order dealt to four sums: s0 = 1e16 + 1 = 1e16 (the 1 absorbed), s1 = 1, s2 = -1e16,
        // s3 = 1 + 1 = 2, then (s0 + s1) + (s2 + s3) = 1e16 + (-1e16 + 2) = 2.0 in doubles
        INDArray a = Nd4j.create(new double[] {1e16, 1, -1e16, 1, 1, 5e-324, 1e-300, 1}, new long[] {2, 4},
                DataType.DOUBLE);
        assertEquals(2.0, Checksum.sum(a));
        assertEquals(2.0, Checksum.sum(a.transpose().dup('f').transpose()), "same order whatever the layout");
        // the tail after the last whole four goes to s0, s1, s2 in turn: 1e16 + 1 + 1 = 1e16 in s0 alone
        INDArray tail = Nd4j.create(new double[] {1e16, 0, 0, 0, 1, 0, -1e16, 0, 1, 0, 0}, new long[] {1, 11},
                DataType.DOUBLE);
        assertEquals(0.0, Checksum.sum(tail), "left to right it would be 1.0");
        assertEquals("36587065.974127896", Checksum.format(36587065.974127896));
        assertEquals("0.0000000000000000", Checksum.format(0.0));
    }

    @Test
    void refusesFloatArrays() {
        INDArray floats = Nd4j.create(DataType.FLOAT, 5, 5);
        assertThrows(IllegalArgumentException.class,
                () -> Convolution.STRIDED.convolve(floats, Nd4j.ones(DataType.DOUBLE, 2, 2), 1));
        assertThrows(IllegalArgumentException.class,
                () -> Convolution.VECTOR.convolve(floats, Nd4j.ones(DataType.DOUBLE, 2, 2), 1));
        assertTrue(Convolution.byName("nd4j") == Convolution.ND4J);
        assertEquals(Convolution.VECTOR, Convolution.values()[0], "listed first: the default");
        assertThrows(IllegalArgumentException.class, () -> Convolution.byName("fft"));
    }

    private static void assertBitsEqual(INDArray expected, INDArray actual, String where) {
        assertArrayEquals(expected.shape(), actual.shape(), where);
        double[] e = expected.dup('c').data().asDouble();
        double[] a = actual.dup('c').data().asDouble();
        for (int k = 0; k < e.length; k++) {
            if (Double.doubleToRawLongBits(e[k]) != Double.doubleToRawLongBits(a[k])) {
                throw new AssertionError(where + ": element " + k + " is " + a[k] + ", expected the bits of " + e[k]);
            }
        }
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
