package dev.sparkcputour.harness;

import dev.sparkcputour.config.PrimesParams;
import dev.sparkcputour.primes.PrimeStrategy;
import dev.sparkcputour.primes.SerialPrimes;
import dev.sparkcputour.primes.SparkPrimes;
import dev.sparkcputour.primes.ThreadPoolPrimes;
import dev.sparkcputour.spark.SparkHandle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry: every strategy of every workload, by name, in the order they are compared (serial first). */
public final class Strategies {

    /** The name that selects every strategy of a workload. */
    public static final String ALL = "all";

    private static final Map<String, PrimeStrategy> PRIMES = byName(List.of(
            new SerialPrimes(),
            new ThreadPoolPrimes(),
            new SparkPrimes()));

    private Strategies() {
    }

    /** The prime strategy names, for help texts and error messages. */
    public static List<String> primeNames() {
        return List.copyOf(PRIMES.keySet());
    }

    /**
     * The prime strategies {@code choice} names: one, or all of them.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static List<PrimeStrategy> primes(String choice) {
        if (choice.equals(ALL)) {
            return List.copyOf(PRIMES.values());
        }
        PrimeStrategy strategy = PRIMES.get(choice);
        if (strategy == null) {
            throw new IllegalArgumentException("unknown strategy '" + choice + "' (expected one of "
                    + String.join(", ", primeNames()) + ", " + ALL + ")");
        }
        return List.of(strategy);
    }

    /** The trials that count the primes of {@code params} with each of {@code strategies}. */
    public static List<Trial> primeTrials(List<PrimeStrategy> strategies, PrimesParams params, SparkHandle spark) {
        return strategies.stream()
                .map(s -> new Trial("primes", s.name(), s.usesSpark(),
                        () -> s.describe(params, spark),
                        () -> Long.toString(s.countPrimes(params, spark))))
                .toList();
    }

    private static <S extends PrimeStrategy> Map<String, S> byName(List<S> strategies) {
        Map<String, S> out = new LinkedHashMap<>();
        strategies.forEach(s -> out.put(s.name(), s));
        return out;
    }
}
