package dev.sparkcputour.workload;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * A workload's options for one command (a picocli mixin, shared by its own command and
 * {@code compare}), and what they make: its trials. Bad values are usage errors, raised before
 * any work.
 */
public interface WorkloadOptions {

    /**
     * Sizes of {@code scale} for every size option not given; call before {@link #trials}.
     */
    void scale(Scale scale);

    /**
     * The one kernel its own command's {@code --kernel} named.
     *
     * @throws IllegalArgumentException for a name it does not know, with a one-line message
     */
    void kernel(String name);

    /**
     * The kernels of {@code compare --kernel} that are its own (empty: the comparison's default).
     *
     * @throws IllegalArgumentException for a combination it cannot run, with a one-line message
     */
    void compareKernels(List<String> names);

    /** Whether its trials load ND4J, whose backend the results then name. */
    boolean usesNd4j();

    /** The trials {@code plan} asks for, its inputs loaded and checked now, before any timing. */
    List<Trial> trials(TrialPlan plan);

    /** Options only its own command takes (not {@code compare}): picocli mixins. */
    default List<Object> ownCommandOptions() {
        return List.of();
    }

    /** After its own command's runs: writes whatever its own options asked for. */
    default void finish(PrintWriter err) throws IOException {
    }
}
