package dev.sparkcputour.inference;

import dev.sparkcputour.io.PixelCsv;
import dev.sparkcputour.spark.ShippedArray;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * An initialised worker: the network's Dense layers and the test images, as native DOUBLE arrays.
 * Thread-safe: a batch only reads them and writes arrays of its own, so threads may share one.
 */
final class Model implements AutoCloseable {

    /** One Dense layer: {@code x · kernel + bias}, then its activation ({@code relu}, {@code softmax} or {@code linear}). */
    record Dense(INDArray kernel, INDArray bias, String activation) {
    }

    private final List<Dense> layers;
    private final INDArray testImages;

    private Model(List<Dense> layers, INDArray testImages) {
        this.layers = List.copyOf(layers);
        this.testImages = testImages;
    }

    /**
     * The expensive initialisation, as the blog's {@code load_model} and {@code load_data}: reads and
     * checks the model folder's description and weights, parses every image of its data set (a
     * 123 MB text file at MNIST's 70,000) into rows scaled to [0, 1] and builds them into one native
     * array (train and test, as TensorFlow's quickstart scales both), then keeps the last
     * {@code testImages} rows.
     */
    static Model load(ModelSource source) throws IOException {
        List<Dense> layers = ModelFolder.readLayers(source.path());
        byte[] pixels = PixelCsv.read(source.path().resolve(ModelFolder.IMAGES), SyntheticMnist.PIXELS);
        int count = pixels.length / SyntheticMnist.PIXELS;
        if (source.testImages() > count) {
            throw new ModelFolder.BadModelException(source.path(), "holds " + count + " images, fewer than the "
                    + source.testImages() + " test images asked for");
        }
        double[][] rows = new double[count][SyntheticMnist.PIXELS];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < SyntheticMnist.PIXELS; j++) {
                rows[i][j] = (pixels[i * SyntheticMnist.PIXELS + j] & 0xFF) / 255.0;
            }
        }
        try (INDArray all = Nd4j.create(rows)) { // double[][] makes a DOUBLE array
            // the test set is the last images, as MNIST's; its own copy, so the rest is freed now
            return new Model(layers, all.get(NDArrayIndex.interval(count - source.testImages(), count), NDArrayIndex.all())
                    .dup('c'));
        }
    }

    /** A model around weights that arrived as a broadcast: no file read, no copy of the arrays. */
    static Model of(ModelWeights weights) {
        String[] activations = weights.activations().split(",");
        List<Dense> layers = new ArrayList<>();
        for (int i = 0; i < activations.length; i++) {
            layers.add(new Dense(weights.kernels()[i].array(), weights.biases()[i].array(), activations[i]));
        }
        return new Model(layers, weights.testImages().array());
    }

    /** This model as Spark ships it. */
    ModelWeights weights() {
        return new ModelWeights(layers.stream().map(d -> ShippedArray.of(d.kernel())).toArray(ShippedArray[]::new),
                layers.stream().map(d -> ShippedArray.of(d.bias())).toArray(ShippedArray[]::new),
                String.join(",", layers.stream().map(Dense::activation).toList()), ShippedArray.of(testImages));
    }

    /**
     * One batch: the label of every test image. Softmax keeps the order of the logits, so the label
     * is the argmax of the last layer's logits, the first on a tie. Runs on one BLAS thread, as the
     * blog pins each worker to one core; so every product is summed in one order whoever calls it.
     */
    byte[] classify() {
        Nd4j.factory().blas().setMaxThreads(1);
        INDArray x = testImages;
        for (Dense layer : layers) {
            INDArray y = x.mmul(layer.kernel()).addiRowVector(layer.bias());
            if (layer.activation().equals("relu")) {
                Transforms.relu(y, false);
            }
            if (x != testImages) {
                x.close(); // freed now: 41 MB a batch would otherwise wait for a GC
            }
            x = y;
        }
        try {
            return argmax(x);
        } finally {
            x.close();
        }
    }

    private static byte[] argmax(INDArray logits) {
        INDArray c = logits.ordering() == 'c' && !logits.isView() ? logits : logits.dup('c');
        double[] values = c.data().asDouble();
        int classes = (int) c.size(1);
        byte[] labels = new byte[(int) c.size(0)];
        for (int row = 0; row < labels.length; row++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (values[row * classes + k] > values[row * classes + best]) {
                    best = k;
                }
            }
            labels[row] = (byte) best;
        }
        if (c != logits) {
            c.close();
        }
        return labels;
    }

    /** Frees the native arrays now; only for a model no other task or thread can still use. */
    @Override
    public void close() {
        layers.forEach(d -> {
            d.kernel().close();
            d.bias().close();
        });
        testImages.close();
    }

    @Override
    public String toString() {
        return "Model" + Arrays.toString(layers.stream().map(d -> d.kernel().size(1) + " " + d.activation()).toArray());
    }
}
