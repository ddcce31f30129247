package dev.sparkcputour.image;

import dev.sparkcputour.io.ImageFiles;
import dev.sparkcputour.io.NpyFormat;
import dev.sparkcputour.kernel.RandomArrays;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Where images and filters come from: generated (the tutorial's zeros, or seeded noise) or read from files. */
public final class ImageSources {

    /** The tutorial's {@code np.zeros((3000, 3000))}. */
    public static final String ZEROS = "zeros";
    /** Seeded uniform noise: nothing for compression or zero-skipping to flatter. */
    public static final String RANDOM = "random";

    private ImageSources() {
    }

    /** Whether {@code spec} names a file rather than a generated image. */
    public static boolean isFile(String spec) {
        return !spec.equals(ZEROS) && !spec.equals(RANDOM);
    }

    /** A generated h×w image. */
    public static INDArray generated(String spec, int height, int width, long seed) {
        return spec.equals(ZEROS) ? RandomArrays.zeros(height, width) : RandomArrays.uniform(height, width, seed);
    }

    /** An image file: a 2-D NumPy {@code .npy}, or a PNG or JPEG read as grayscale in [0, 1]. */
    public static INDArray read(Path file) throws IOException {
        boolean npy = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
        return npy ? NpyFormat.read(file, 2) : ImageFiles.readGrayscale(file);
    }

    /** A k×h×w stack of filters from a NumPy {@code .npy} file. */
    public static INDArray readFilters(Path file) throws IOException {
        return NpyFormat.read(file, 3);
    }
}
