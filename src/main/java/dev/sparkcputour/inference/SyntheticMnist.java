package dev.sparkcputour.inference;

import java.util.SplittableRandom;

/**
 * MNIST-like data made from a seed, so nothing is downloaded: 28×28 8-bit images of two to four
 * soft strokes on black, and the weights of an untrained Keras network (Glorot-uniform kernels).
 * The same seed gives the same bytes and doubles on every JVM.
 */
final class SyntheticMnist {

    static final int SIDE = 28;
    static final int PIXELS = SIDE * SIDE;
    static final int CLASSES = 10;

    /** Strokes are this many pixels wide, with a soft edge of one more, like a pen scanned at MNIST's size. */
    private static final double PEN = 1.2;

    private SyntheticMnist() {
    }

    /** {@code count} images, one after another, row-major. */
    static byte[] images(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[Math.multiplyExact(count, PIXELS)];
        for (int i = 0; i < count; i++) {
            int strokes = 2 + random.nextInt(3);
            double[] ends = new double[4 * strokes];
            for (int k = 0; k < ends.length; k++) {
                ends[k] = 4 + random.nextDouble() * (SIDE - 8); // MNIST centres its digits in a 20×20 box
            }
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    double near = Double.MAX_VALUE;
                    for (int k = 0; k < ends.length; k += 4) {
                        near = Math.min(near, distance(x, y, ends[k], ends[k + 1], ends[k + 2], ends[k + 3]));
                    }
                    double ink = Math.max(0, Math.min(1, PEN + 1 - near));
                    pixels[i * PIXELS + y * SIDE + x] = (byte) Math.round(255 * ink);
                }
            }
        }
        return pixels;
    }

    /** The distance from (x, y) to the segment from (x0, y0) to (x1, y1). */
    private static double distance(double x, double y, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / Math.max(1e-12, dx * dx + dy * dy)));
        return Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
    }

    /** A Dense layer's kernel, {@code in × out}, C order: Glorot uniform, Keras's default. */
    static double[] kernel(int in, int out, SplittableRandom random) {
        double limit = Math.sqrt(6.0 / (in + out));
        double[] values = new double[Math.multiplyExact(in, out)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (2 * random.nextDouble() - 1) * limit;
        }
        return values;
    }

    /** A Dense layer's bias: small, so it matters to the result without drowning the kernel. */
    static double[] bias(int out, SplittableRandom random) {
        double[] values = new double[out];
        for (int i = 0; i < out; i++) {
            values[i] = (2 * random.nextDouble() - 1) * 0.1;
        }
        return values;
    }
}
