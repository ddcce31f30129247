package dev.sparkcputour.kernel;

import java.io.Serializable;
import java.lang.ref.Reference;
import java.nio.DoubleBuffer;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.bytedeco.javacpp.DoublePointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every filter's sampled full convolution ({@link Convolution}'s answer) for a band of output
 * rows, in one pass over the image rows the band needs, vectorised across filters with the JDK's
 * Vector API: each pixel is broadcast once per tap and multiplied into all filters at once.
 *
 * <p>Each sum is {@code sum = fma(filter[a][b], image[y-a][x-b], sum)} from 0.0 over the taps inside
 * the image, {@code a} then {@code b} ascending; lane-wise fma is IEEE fma per lane, so the results
 * are bit-identical to every per-filter kernel that keeps that order ({@link Convolution#fmaInTapOrder}).
 */
public final class BandConvolution implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The machine's widest vectors: 8 doubles with AVX-512, 4 with AVX2. */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private final int filters;
    private final int kh;
    private final int kw;
    private final int height;
    private final int width;
    private final int stride;
    /** Filters rounded up to whole vectors; the extra lanes hold zero filters, whose sums are dropped. */
    private final int padded;
    /** {@code taps[(a * kw + b) * padded + f]} is filter f's tap (a, b): one tap of every filter is one load. */
    private final double[] taps;

    /** A kernel for {@code filters} (all kh×kw, DOUBLE) over a height×width image, sampled every {@code stride}. */
    public BandConvolution(List<INDArray> filters, long height, long width, int stride) {
        if (filters.isEmpty() || stride < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("need filters, a non-empty image and stride >= 1");
        }
        this.filters = filters.size();
        this.kh = (int) filters.get(0).size(0);
        this.kw = (int) filters.get(0).size(1);
        this.height = Math.toIntExact(height);
        this.width = Math.toIntExact(width);
        this.stride = stride;
        this.padded = (this.filters + LANES - 1) / LANES * LANES;
        this.taps = new double[kh * kw * padded];
        for (int f = 0; f < this.filters; f++) {
            INDArray filter = filters.get(f);
            if (filter.rank() != 2 || filter.size(0) != kh || filter.size(1) != kw) {
                throw new IllegalArgumentException("every filter must be " + kh + "×" + kw);
            }
            double[] values = SampledSums.contiguous(filter).data().asDouble();
            for (int t = 0; t < kh * kw; t++) {
                taps[t * padded + f] = values[t];
            }
        }
    }

    public int filters() {
        return filters;
    }

    public int outputHeight() {
        return (int) Convolution.outputSize(height, kh, stride);
    }

    public int outputWidth() {
        return (int) Convolution.outputSize(width, kw, stride);
    }

    /** The first image row that output row {@code r0} reads. */
    public int firstRow(int r0) {
        return Math.max(0, r0 * stride - (kh - 1));
    }

    /** One past the last image row that output rows before {@code r1} read. */
    public int endRow(int r1) {
        return Math.min(height, (r1 - 1) * stride + 1);
    }

    /**
     * Output rows [r0, r1) of every filter. {@code rows} holds image rows from {@code row0} on, at
     * least from {@link #firstRow(int) firstRow(r0)} to {@link #endRow(int) endRow(r1)}; filter f's
     * output row r is written in place into {@code out.get(f)} at row {@code r - outRow0}. Arrays
     * are DOUBLE; the outputs C-ordered and not views.
     */
    public void convolve(INDArray rows, int row0, int r0, int r1, List<INDArray> out, int outRow0) {
        int ow = outputWidth();
        if (r0 < 0 || r1 > outputHeight() || r0 > r1 || r0 < outRow0 || out.size() != filters) {
            throw new IllegalArgumentException("output rows [" + r0 + ", " + r1 + ") of " + outputHeight()
                    + " into " + out.size() + " outputs from row " + outRow0 + ", for " + filters + " filters");
        }
        if (r0 == r1) {
            return;
        }
        int first = firstRow(r0);
        int end = endRow(r1);
        if (rows.rank() != 2 || rows.size(1) != width || row0 > first || row0 + rows.size(0) < end) {
            throw new IllegalArgumentException("image rows [" + row0 + ", " + (row0 + rows.size(0))
                    + ") do not hold rows [" + first + ", " + end + ") of width " + width);
        }
        INDArray source = SampledSums.contiguous(rows);
        DoubleBuffer in = doubles(source, (long) (first - row0) * width, (long) (end - first) * width);
        DoubleBuffer[] outs = new DoubleBuffer[filters];
        for (int f = 0; f < filters; f++) {
            INDArray o = out.get(f);
            if (!SampledSums.isContiguous(o) || o.length() < (long) (r1 - outRow0) * ow) {
                throw new IllegalArgumentException("output " + f + " must be a C-ordered DOUBLE array, not a view,"
                        + " holding rows [" + outRow0 + ", " + r1 + ") of width " + ow);
            }
            outs[f] = doubles(o, (long) (r0 - outRow0) * ow, (long) (r1 - r0) * ow);
        }
        try {
            new Pass(in, first, outs).rows(r0, r1);
        } finally {
            // the buffers do not keep the arrays alive: a collected array frees its memory under them
            Reference.reachabilityFence(source);
            Reference.reachabilityFence(out);
        }
    }

    /**
     * Elements [from, from + count) of a contiguous array's own off-heap memory, as a buffer (no
     * copy) that compiles to plain loads and stores, where ND4J's indexer costs a call per element.
     */
    private static DoubleBuffer doubles(INDArray array, long from, long count) {
        if (count > Integer.MAX_VALUE / Double.BYTES) {
            throw new IllegalArgumentException("a band of " + count + " doubles is over 2 GB: cut more bands");
        }
        return new DoublePointer(array.data().pointer()).position(from).limit(from + count).asBuffer();
    }

    /**
     * One call: image pixels are read where they lie (copying each output row's image rows to the
     * heap first measured about 6% slower), and each output row is gathered per filter for a bulk write.
     */
    private final class Pass {
        /** The image rows the band reads, from row {@code row0} on. */
        private final DoubleBuffer in;
        private final int row0;
        /** Each filter's output rows of the band, from its first. */
        private final DoubleBuffer[] outs;
        private final int ow = outputWidth();
        /** The current output row, pixel-major: {@code sums[j * padded + f]}, as the vectors leave it. */
        private final double[] sums = new double[ow * padded];
        /** One filter's output row, gathered from {@link #sums} for one bulk write. */
        private final double[] filterRow = new double[ow];
        /** {@code offsets[a * kw + b]}: where tap (a, b)'s pixel lies from pixel (y, x) in {@link #in}. */
        private final int[] offsets = new int[kh * kw];

        Pass(DoubleBuffer in, int row0, DoubleBuffer[] outs) {
            this.in = in;
            this.row0 = row0;
            this.outs = outs;
            for (int a = 0; a < kh; a++) {
                for (int b = 0; b < kw; b++) {
                    offsets[a * kw + b] = -a * width - b;
                }
            }
        }

        void rows(int r0, int r1) {
            // outputs whose taps all fall inside the image columns: x >= kw - 1 and x <= width - 1
            int jLo = Math.min(ow, (kw - 1 + stride - 1) / stride);
            int jHi = Math.max(jLo, Math.min(ow, (width - 1) / stride + 1));
            for (int r = r0; r < r1; r++) {
                int y = r * stride;
                // only the filter rows that land inside the image: full mode pads with zeros
                int aMin = Math.max(0, y - height + 1);
                int aMax = Math.min(kh - 1, y);
                int origin = (y - row0) * width; // pixel (y, 0), maybe below the band: only taps inside are read
                // taps a*kw+b run a, then b, ascending: the contract's order, one flat loop
                int tLo = aMin * kw;
                int tHi = (aMax + 1) * kw;
                int j = jLo;
                for (; j + 3 < jHi; j += 4) {
                    int f = 0;
                    for (; f + 2 * LANES <= padded; f += 2 * LANES) {
                        twoVectorsFourPixels(origin + j * stride, tLo, tHi, f, j);
                    }
                    if (f < padded) {
                        oneVectorFourPixels(origin + j * stride, tLo, tHi, f, j);
                    }
                }
                for (; j < jHi; j++) {
                    for (int f = 0; f < padded; f += LANES) {
                        oneVectorOnePixel(origin + j * stride, tLo, tHi, f, j);
                    }
                }
                for (int e = 0; e < jLo; e++) {
                    edge(origin, aMin, aMax, e);
                }
                for (int e = jHi; e < ow; e++) {
                    edge(origin, aMin, aMax, e);
                }
                int at = (r - r0) * ow;
                for (int f = 0; f < filters; f++) {
                    for (int i = 0; i < ow; i++) {
                        filterRow[i] = sums[i * padded + f];
                    }
                    outs[f].put(at, filterRow, 0, ow);
                }
            }
        }

        // The loops below are flat over taps: on Java 17, C2 boxes a vector carried through nested
        // loops (ten times slower, measured). Four pixels keep four fma chains in flight.

        /** Filters [f, f + 2·LANES) of pixels j..j+3, the first at {@code x0} in {@link #in}. */
        private void twoVectorsFourPixels(int x0, int tLo, int tHi, int f, int j) {
            DoubleVector a0 = DoubleVector.zero(SPECIES);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            DoubleVector b0 = a0;
            DoubleVector b1 = a0;
            DoubleVector b2 = a0;
            DoubleVector b3 = a0;
            for (int t = tLo; t < tHi; t++) {
                DoubleVector fa = DoubleVector.fromArray(SPECIES, taps, t * padded + f);
                DoubleVector fb = DoubleVector.fromArray(SPECIES, taps, t * padded + f + LANES);
                int p = x0 + offsets[t];
                DoubleVector v0 = DoubleVector.broadcast(SPECIES, in.get(p));
                DoubleVector v1 = DoubleVector.broadcast(SPECIES, in.get(p + stride));
                DoubleVector v2 = DoubleVector.broadcast(SPECIES, in.get(p + 2 * stride));
                DoubleVector v3 = DoubleVector.broadcast(SPECIES, in.get(p + 3 * stride));
                a0 = fa.fma(v0, a0);
                b0 = fb.fma(v0, b0);
                a1 = fa.fma(v1, a1);
                b1 = fb.fma(v1, b1);
                a2 = fa.fma(v2, a2);
                b2 = fb.fma(v2, b2);
                a3 = fa.fma(v3, a3);
                b3 = fb.fma(v3, b3);
            }
            int o = j * padded + f;
            a0.intoArray(sums, o);
            b0.intoArray(sums, o + LANES);
            a1.intoArray(sums, o + padded);
            b1.intoArray(sums, o + padded + LANES);
            a2.intoArray(sums, o + 2 * padded);
            b2.intoArray(sums, o + 2 * padded + LANES);
            a3.intoArray(sums, o + 3 * padded);
            b3.intoArray(sums, o + 3 * padded + LANES);
        }

        /** Filters [f, f + LANES) of pixels j..j+3. */
        private void oneVectorFourPixels(int x0, int tLo, int tHi, int f, int j) {
            DoubleVector a0 = DoubleVector.zero(SPECIES);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            for (int t = tLo; t < tHi; t++) {
                DoubleVector fa = DoubleVector.fromArray(SPECIES, taps, t * padded + f);
                int p = x0 + offsets[t];
                a0 = fa.fma(DoubleVector.broadcast(SPECIES, in.get(p)), a0);
                a1 = fa.fma(DoubleVector.broadcast(SPECIES, in.get(p + stride)), a1);
                a2 = fa.fma(DoubleVector.broadcast(SPECIES, in.get(p + 2 * stride)), a2);
                a3 = fa.fma(DoubleVector.broadcast(SPECIES, in.get(p + 3 * stride)), a3);
            }
            int o = j * padded + f;
            a0.intoArray(sums, o);
            a1.intoArray(sums, o + padded);
            a2.intoArray(sums, o + 2 * padded);
            a3.intoArray(sums, o + 3 * padded);
        }

        /** Filters [f, f + LANES) of pixel j, for the few interior pixels left over by the blocks of four. */
        private void oneVectorOnePixel(int x0, int tLo, int tHi, int f, int j) {
            DoubleVector a0 = DoubleVector.zero(SPECIES);
            for (int t = tLo; t < tHi; t++) {
                DoubleVector fa = DoubleVector.fromArray(SPECIES, taps, t * padded + f);
                a0 = fa.fma(DoubleVector.broadcast(SPECIES, in.get(x0 + offsets[t])), a0);
            }
            a0.intoArray(sums, j * padded + f);
        }

        /** Every filter of an output pixel whose taps cross the image's left or right side, in scalars. */
        private void edge(int origin, int aMin, int aMax, int j) {
            int x = j * stride;
            int bMin = Math.max(0, x - width + 1);
            int bMax = Math.min(kw - 1, x);
            for (int f = 0; f < filters; f++) {
                double sum = 0.0;
                for (int a = aMin; a <= aMax; a++) {
                    for (int b = bMin; b <= bMax; b++) {
                        sum = Math.fma(taps[(a * kw + b) * padded + f], in.get(origin + x + offsets[a * kw + b]), sum);
                    }
                }
                sums[j * padded + f] = sum;
            }
        }
    }
}
