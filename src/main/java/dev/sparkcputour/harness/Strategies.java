package dev.sparkcputour.harness;

import dev.sparkcputour.config.ImageParams;
import dev.sparkcputour.config.PrimesParams;
import dev.sparkcputour.image.ImageInputs;
import dev.sparkcputour.image.ImageStrategy;
import dev.sparkcputour.image.ImageWorkload;
import dev.sparkcputour.image.SerialImage;
import dev.sparkcputour.image.SparkBandsImage;
import dev.sparkcputour.image.SparkBroadcastImage;
import dev.sparkcputour.image.SparkClosureImage;
import dev.sparkcputour.image.SparkCopyImage;
import dev.sparkcputour.image.ThreadPoolBandsImage;
import dev.sparkcputour.image.ThreadPoolImage;
import dev.sparkcputour.kernel.Checksum;
import dev.sparkcputour.primes.PrimeStrategy;
import dev.sparkcputour.primes.SerialPrimes;
import dev.sparkcputour.primes.SparkPrimes;
import dev.sparkcputour.primes.ThreadPoolPrimes;
import dev.sparkcputour.spark.SparkHandle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The registry: every strategy of every workload, by name, in the order they are compared (serial first). */
public final class Strategies {

    /** The name that selects every strategy of a workload. */
    public static final String ALL = "all";

    private static final Map<String, PrimeStrategy> PRIMES = byName(List.of(
            new SerialPrimes(),
            new ThreadPoolPrimes(),
            new SparkPrimes()), PrimeStrategy::name);

    private static final Map<String, ImageStrategy> IMAGE = byName(List.of(
            new SerialImage(),
            new ThreadPoolImage(),
            new SparkCopyImage(),
            new SparkClosureImage(),
            new SparkBroadcastImage(),
            new ThreadPoolBandsImage(),
            new SparkBandsImage()), ImageStrategy::name);

    private Strategies() {
    }

    /**
     * The prime strategies {@code choice} names: one, or all of them.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static List<PrimeStrategy> primes(String choice) {
        return choose(PRIMES, choice);
    }

    /**
     * The image strategies {@code choice} names: one, or all of them.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static List<ImageStrategy> image(String choice) {
        return choose(IMAGE, choice);
    }

    /** The trials that count the primes of {@code params} with each of {@code strategies}. */
    public static List<Trial> primeTrials(List<PrimeStrategy> strategies, PrimesParams params, SparkHandle spark) {
        return strategies.stream()
                .map(s -> new Trial("primes", s.label(params.kernel()), s.usesSpark(),
                        () -> s.describe(params, spark),
                        () -> Long.toString(s.countPrimes(params, spark))))
                .toList();
    }

    /**
     * The trials that run the image workload with each of {@code strategies}; each hands its last
     * iteration's results to {@code lastResults} (for {@code --output}).
     */
    public static List<Trial> imageTrials(List<ImageStrategy> strategies, ImageInputs inputs, ImageParams params,
                                          SparkHandle spark, Consumer<List<INDArray>> lastResults) {
        return strategies.stream()
                .map(s -> new Trial("image", s.name(), s.usesSpark(),
                        () -> s.describe(inputs, params),
                        () -> {
                            ImageWorkload.Outcome outcome = ImageWorkload.run(s, inputs, params, spark);
                            lastResults.accept(outcome.lastResults());
                            return Checksum.format(outcome.checksum());
                        }))
                .toList();
    }

    private static <S> List<S> choose(Map<String, S> strategies, String choice) {
        if (choice.equals(ALL)) {
            return List.copyOf(strategies.values());
        }
        S strategy = strategies.get(choice);
        if (strategy == null) {
            throw new IllegalArgumentException("unknown strategy '" + choice + "' (expected one of "
                    + String.join(", ", strategies.keySet()) + ", " + ALL + ")");
        }
        return List.of(strategy);
    }

    private static <S> Map<String, S> byName(List<S> strategies, Function<S, String> name) {
        Map<String, S> out = new LinkedHashMap<>();
        strategies.forEach(s -> out.put(name.apply(s), s));
        return out;
    }
}
