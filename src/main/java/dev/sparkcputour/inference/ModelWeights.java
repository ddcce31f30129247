package dev.sparkcputour.inference;

import dev.sparkcputour.spark.ShippedArray;
import java.io.Serializable;

/**
 * Everything an initialised worker holds, as Spark ships it: each Dense layer's kernel and bias,
 * which of them apply ReLU ({@code "relu,linear"}), and the test images. What the broadcast strategy
 * broadcasts.
 */
record ModelWeights(ShippedArray[] kernels, ShippedArray[] biases, String activations, ShippedArray testImages)
        implements Serializable {
}
