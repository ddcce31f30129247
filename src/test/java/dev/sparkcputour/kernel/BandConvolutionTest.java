package dev.sparkcputour.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

/**
 * The band kernel against the fma contract bit for bit (JUnit compares doubles by their bits), the
 * plain full convolution, and the strided kernel, for every way of cutting bands.
 */
class BandConvolutionTest {

    private static final double RELATIVE = 1e-12;

    /** The contract, one filter and one output at a time: fma from 0.0 over the taps inside the image, a then b ascending. */
    static double contract(double[][] image, double[][] filter, int y, int x) {
        int h = image.length;
        int w = image[0].length;
        int kh = filter.length;
        int kw = filter[0].length;
        double sum = 0.0;
        for (int a = Math.max(0, y - h + 1); a <= Math.min(kh - 1, y); a++) {
            for (int b = Math.max(0, x - w + 1); b <= Math.min(kw - 1, x); b++) {
                sum = Math.fma(filter[a][b], image[y - a][x - b], sum);
            }
        }
        return sum;
    }

    /** Image shapes × filter shapes × strides × filter counts (one, the tutorial's ten, more than two vectors of them). */
    static Stream<Arguments> shapes() {
        List<Arguments> out = new ArrayList<>();
        for (int[] image : new int[][] {{37, 53}, {123, 457}}) {
            for (int[] filter : new int[][] {{4, 4}, {3, 5}, {1, 1}}) {
                for (int stride : new int[] {1, 5}) {
                    for (int k : new int[] {1, 10, 17}) {
                        out.add(Arguments.of(image[0], image[1], filter[0], filter[1], stride, k));
                    }
                }
            }
        }
        out.add(Arguments.of(4, 4, 4, 4, 5, 10));   // a single output row and column inside the image
        out.add(Arguments.of(9, 6, 4, 4, 2, 10));   // fewer interior columns than a block of four
        out.add(Arguments.of(1, 1, 1, 1, 1, 2));    // one pixel
        return out.stream();
    }

    @ParameterizedTest(name = "{0}×{1} image, {5} filters of {2}×{3}, stride {4}")
    @MethodSource("shapes")
    void everyBandCutGivesTheContractsBitsAndTheFullConvolution(int h, int w, int kh, int kw, int stride, int k) {
        SplittableRandom random = new SplittableRandom(31L * h + w + 7L * kh + kw + stride + k);
        double[][] image = ConvolutionTest.random2d(random, h, w);
        List<double[][]> filters = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            filters.add(ConvolutionTest.random2d(random, kh, kw));
        }
        BandConvolution kernel = new BandConvolution(filters.stream().map(Nd4j::createFromArray).toList(), h, w, stride);
        int oh = kernel.outputHeight();
        int ow = kernel.outputWidth();
        assertEquals(Convolution.outputSize(h, kh, stride), oh);
        assertEquals(Convolution.outputSize(w, kw, stride), ow);

        double[][][] expected = new double[k][oh][ow];
        for (int f = 0; f < k; f++) {
            double[][] full = ConvolutionTest.fullConvolution(image, filters.get(f));
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    expected[f][i][j] = contract(image, filters.get(f), i * stride, j * stride);
                    double plain = full[i * stride][j * stride];
                    assertEquals(plain, expected[f][i][j], RELATIVE * Math.max(1, Math.abs(plain)), "the contract is a convolution");
                }
            }
        }
        INDArray picture = Nd4j.createFromArray(image);
        for (List<Integer> cut : cuts(oh)) {
            assertBandsGive(expected, kernel, picture, cut, "cut " + cut);
        }
        // the per-filter kernel that keeps the same order gives the same bits
        for (int f = 0; f < k; f++) {
            INDArray strided = Convolution.STRIDED.convolve(picture, Nd4j.createFromArray(filters.get(f)), stride);
            assertArrayEquals(flat(expected[f]), strided.data().asDouble(), "strided, filter " + f);
        }
    }

    /**
     * Runs the kernel band by band as both strategies do: whole image into the whole results (the
     * threads), and each band's own image rows into its own arrays (a Spark task).
     */
    private static void assertBandsGive(double[][][] expected, BandConvolution kernel, INDArray image, List<Integer> cut,
                                        String what) {
        int k = expected.length;
        int oh = kernel.outputHeight();
        int ow = kernel.outputWidth();
        List<INDArray> whole = blank(k, oh, ow);
        for (int b = 0; b + 1 < cut.size(); b++) {
            int r0 = cut.get(b);
            int r1 = cut.get(b + 1);
            kernel.convolve(image, 0, r0, r1, whole, 0);

            int first = kernel.firstRow(r0);
            int end = kernel.endRow(r1);
            INDArray rows = image.get(NDArrayIndex.interval(first, end), NDArrayIndex.all()).dup('c');
            List<INDArray> band = blank(k, r1 - r0, ow);
            kernel.convolve(rows, first, r0, r1, band, r0);
            for (int f = 0; f < k; f++) {
                double[] want = flat(Arrays.copyOfRange(expected[f], r0, r1));
                assertArrayEquals(want, band.get(f).data().asDouble(), what + ", band [" + r0 + ", " + r1 + "), filter " + f);
            }
        }
        for (int f = 0; f < k; f++) {
            assertArrayEquals(flat(expected[f]), whole.get(f).data().asDouble(), what + ", whole, filter " + f);
        }
    }

    /** Ways to cut [0, oh): one band, bands of one row, bands of seven with a short last one, and a random cut. */
    private static List<List<Integer>> cuts(int oh) {
        List<List<Integer>> out = new ArrayList<>();
        out.add(List.of(0, oh));
        out.add(bounds(oh, 1));
        out.add(bounds(oh, 7));
        List<Integer> random = new ArrayList<>(List.of(0));
        SplittableRandom r = new SplittableRandom(oh);
        while (random.get(random.size() - 1) < oh) {
            random.add(Math.min(oh, random.get(random.size() - 1) + 1 + r.nextInt(Math.max(1, oh / 3))));
        }
        out.add(random);
        return out;
    }

    private static List<Integer> bounds(int oh, int size) {
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < oh; r += size) {
            out.add(r);
        }
        out.add(oh);
        return out;
    }

    @Test
    void aBandWithoutTheRowsItReadsIsRefused() {
        BandConvolution kernel = new BandConvolution(List.of(Nd4j.ones(DataType.DOUBLE, 4, 4)), 20, 10, 5);
        assertEquals(5, kernel.outputHeight());
        assertEquals(2, kernel.firstRow(1), "output row 1 reads image rows 2..5");
        assertEquals(6, kernel.endRow(2));
        INDArray rows = Nd4j.ones(DataType.DOUBLE, 3, 10);
        List<INDArray> out = blank(1, 1, kernel.outputWidth());
        assertThrows(IllegalArgumentException.class, () -> kernel.convolve(rows, 3, 1, 2, out, 1), "row 2 is missing");
        assertThrows(IllegalArgumentException.class, () -> kernel.convolve(rows, 2, 1, 2, out, 1), "row 5 is missing");
        kernel.convolve(Nd4j.ones(DataType.DOUBLE, 4, 10), 2, 1, 2, out, 1);
        assertEquals(16.0, out.get(0).getDouble(0, 1));
        INDArray view = Nd4j.zeros(DataType.DOUBLE, 3, kernel.outputWidth()).get(NDArrayIndex.interval(1, 2), NDArrayIndex.all());
        assertThrows(IllegalArgumentException.class,
                () -> kernel.convolve(Nd4j.ones(DataType.DOUBLE, 4, 10), 2, 1, 2, List.of(view), 1), "outputs are written in place");
        assertThrows(IllegalArgumentException.class, () -> new BandConvolution(
                List.of(Nd4j.ones(DataType.DOUBLE, 4, 4), Nd4j.ones(DataType.DOUBLE, 3, 4)), 20, 10, 5), "one filter shape");
    }

    private static List<INDArray> blank(int k, int rows, int ow) {
        List<INDArray> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            out.add(Nd4j.valueArrayOf(new long[] {rows, ow}, Double.NaN, DataType.DOUBLE)); // any row left unwritten shows
        }
        return out;
    }

    private static double[] flat(double[][] rows) {
        return Stream.of(rows).flatMapToDouble(Arrays::stream).toArray();
    }
}
