package dev.sparkcputour.image;

import dev.sparkcputour.kernel.Checksum;
import dev.sparkcputour.kernel.ResultArrays;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.Trial;
import java.util.List;
import java.util.function.Predicate;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The image workload's strategies, in the order they are compared (serial first), and the trials they make. */
public final class ImageStrategies {

    public static final List<ImageStrategy> ALL = List.of(
            new SerialImage(),
            new ThreadPoolImage(),
            new SparkCopyImage(),
            new SparkClosureImage(),
            new SparkBroadcastImage(),
            new ThreadPoolBandsImage(),
            new SparkBandsImage());

    private ImageStrategies() {
    }

    /**
     * The trials that run the image workload with each of {@code strategies}; each offers its last
     * iteration's results to {@code keep} (for {@code --output}), and hands them back for the next
     * run's first iteration when it declines them: fresh result memory is faulted in page by page,
     * which made every run's first iteration three times slower than the rest on {@code threads-bands}.
     */
    public static List<Trial> trials(List<ImageStrategy> strategies, ImageInputs inputs, ImageParams params,
                                     SparkHandle spark, Predicate<List<INDArray>> keep) {
        return strategies.stream()
                .map(s -> new Trial(ImageWorkload.NAME, s.name(), s.usesSpark(),
                        () -> s.describe(inputs, params),
                        () -> {
                            ImageIterations.Outcome outcome = ImageIterations.run(s, inputs, params, spark);
                            if (!keep.test(outcome.lastResults())) {
                                outcome.lastResults().forEach(ResultArrays::recycle);
                            }
                            return Checksum.format(outcome.checksum());
                        }))
                .toList();
    }
}
