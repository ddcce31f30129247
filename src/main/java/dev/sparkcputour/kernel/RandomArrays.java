package dev.sparkcputour.kernel;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded inputs for the image workload, drawn in Java so the same seed gives the same numbers
 * on every platform and ND4J backend.
 */
public final class RandomArrays {

    private RandomArrays() {
    }

    /** An h×w image of zeros: the tutorial's {@code np.zeros((3000, 3000))}. */
    public static INDArray zeros(int h, int w) {
        return Nd4j.zeros(DataType.DOUBLE, h, w);
    }

    /** An h×w image uniform in [0, 1): no zeros for any kernel to skip. */
    public static INDArray uniform(int h, int w, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[Math.multiplyExact(h, w)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
        }
        return Nd4j.create(values, new long[] {h, w}, DataType.DOUBLE);
    }

    /** k filters of kh×kw drawn from N(0, 1): the tutorial's {@code np.random.normal(size=(4, 4))}, as a k×kh×kw array. */
    public static INDArray gaussian(int k, int kh, int kw, long seed) {
        // a stream apart from the image's, so changing the image never changes the filters
        SplittableRandom random = new SplittableRandom(seed).split();
        double[] values = new double[k * kh * kw];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {k, kh, kw}, DataType.DOUBLE);
    }
}
