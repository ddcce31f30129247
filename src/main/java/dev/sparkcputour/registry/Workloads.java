package dev.sparkcputour.registry;

import dev.sparkcputour.image.ImageWorkload;
import dev.sparkcputour.inference.InferenceWorkload;
import dev.sparkcputour.prefixes.PrefixesWorkload;
import dev.sparkcputour.primes.PrimesWorkload;
import dev.sparkcputour.workload.Workload;
import java.util.List;
import java.util.Optional;

/** The registry: every workload, in the order {@code compare} runs them. Adding a workload is one line here. */
public final class Workloads {

    private static final List<Workload> ALL = List.of(
            new PrimesWorkload(),
            new ImageWorkload(),
            new PrefixesWorkload(),
            new InferenceWorkload());

    private Workloads() {
    }

    public static List<Workload> all() {
        return ALL;
    }

    public static Optional<Workload> byName(String name) {
        return ALL.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Workload::name).toList();
    }
}
