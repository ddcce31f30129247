package dev.sparkcputour.image;

import dev.sparkcputour.config.Defaults;
import dev.sparkcputour.kernel.Convolution;
import dev.sparkcputour.kernel.RandomArrays;
import dev.sparkcputour.workload.DataToMove;
import dev.sparkcputour.workload.Workload;
import dev.sparkcputour.workload.WorkloadOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The tutorial's data-movement task: convolve an image with several filters, ten times over. */
public final class ImageWorkload implements Workload {

    static final String NAME = "image";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Convolve an image with random 4×4 filters, the tutorial's data-movement task.";
    }

    @Override
    public List<String> strategies() {
        return ImageStrategies.ALL.stream().map(ImageStrategy::name).toList();
    }

    @Override
    public List<String> kernels() {
        return Arrays.stream(Convolution.values()).map(Convolution::cliName).toList();
    }

    @Override
    public WorkloadOptions newOptions() {
        return new ImageOptions();
    }

    /** The tutorial's image, read by every task (one per filter), each returning its sampled result. */
    @Override
    public Optional<DataToMove> dataToMove() {
        ImageSizes sizes = ImageSizes.TUTORIAL;
        long side = Convolution.outputSize(sizes.side(), Defaults.FILTER_SIZE, Defaults.IMAGE_STRIDE);
        return Optional.of(new DataToMove(sizes.side() + "×" + sizes.side() + " image",
                RandomArrays.uniform(sizes.side(), sizes.side(), Defaults.SEED), sizes.filters(), new long[] {side, side}));
    }
}
