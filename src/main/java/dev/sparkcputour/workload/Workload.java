package dev.sparkcputour.workload;

import java.util.List;
import java.util.Optional;

/**
 * One workload of the tour (counting primes, convolving an image, ...): what {@code compare},
 * its own command, the core sweep and the registry know of it. Everything else about it (its
 * inputs, kernels and strategies, one small class each) stays inside its package.
 *
 * <p>Answers are checked as text: every strategy's answer must equal, character for character,
 * the first strategy's (serial), and every repetition's the one before; so a workload makes its
 * answer exact (a count, a checksum printed in full).
 */
public interface Workload {

    /** Its name: its command's, and what {@code compare --workloads} takes. */
    String name();

    /** One line for its command's help. */
    String description();

    /** Its strategies' names, in the order they are compared; the first is the reference the others must equal. */
    List<String> strategies();

    /** Its kernels' names, as {@code --kernel} takes them. */
    List<String> kernels();

    /**
     * Whether {@code compare} runs it when {@code --workloads} is not given: the tutorial's own
     * workloads do; the blog's later benchmarks run when named.
     */
    default boolean comparedByDefault() {
        return true;
    }

    /**
     * Fresh options for one command: a picocli mixin holding its sizes, sources and kernel, which
     * loads and checks its inputs (memory needs included) and makes its trials.
     */
    WorkloadOptions newOptions();

    /** What one iteration moves through Spark at the tutorial's size, if it moves more than its answer. */
    default Optional<DataToMove> dataToMove() {
        return Optional.empty();
    }
}
