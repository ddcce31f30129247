package dev.sparkcputour.primes;

import dev.sparkcputour.config.Defaults;
import dev.sparkcputour.kernel.PrimeKernel;
import dev.sparkcputour.workload.Scale;
import dev.sparkcputour.workload.Trial;
import dev.sparkcputour.workload.TrialPlan;
import dev.sparkcputour.workload.Usage;
import dev.sparkcputour.workload.WorkloadOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The prime workload's options, shared by {@code primes} and {@code compare}, and the trials they make. */
public final class PrimesOptions implements WorkloadOptions {

    /** N at each scale: the tutorial's {@code num} is two million. */
    static final long TINY_N = 100_000L;
    static final long TUTORIAL_N = 2_000_000L;
    static final long LARGE_N = 20_000_000L;

    /** Both kernels in a comparison, so the table sets the algorithm beside parallelism. */
    private static final List<PrimeKernel> COMPARE_KERNELS = List.of(PrimeKernel.TRIAL, PrimeKernel.SIEVE);

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    private Long n;
    private Scale scale = Scale.TUTORIAL;
    private OptionalInt partitions = OptionalInt.empty();
    private List<PrimeKernel> kernels = List.of(PrimeKernel.TRIAL);

    @Option(names = "--n", paramLabel = "N",
            description = "Count the primes below N (default: " + TUTORIAL_N + "; --scale tiny: " + TINY_N
                    + ", large: " + LARGE_N + ").")
    void setN(long value) {
        n = Usage.atLeast(spec, "--n", value, 0);
    }

    @Option(names = "--partitions", paramLabel = "P",
            description = "Partitions of the range (default: " + Defaults.PARTITIONS_PER_CORE
                    + " per thread or per unit of Spark's default parallelism).")
    void setPartitions(int value) {
        partitions = OptionalInt.of((int) Usage.inRange(spec, "--partitions", value, 1, Defaults.MAX_PARTITIONS));
    }

    @Override
    public void scale(Scale chosen) {
        scale = chosen;
    }

    @Override
    public void kernel(String name) {
        kernels = List.of(PrimeKernel.byName(name));
    }

    @Override
    public void compareKernels(List<String> names) {
        List<PrimeKernel> chosen = new ArrayList<>();
        names.forEach(name -> chosen.add(PrimeKernel.byName(name)));
        kernels = chosen.isEmpty() ? COMPARE_KERNELS : List.copyOf(chosen);
    }

    @Override
    public boolean usesNd4j() {
        return false;
    }

    @Override
    public List<Trial> trials(TrialPlan plan) {
        List<PrimeStrategy> chosen = plan.chosen(PrimeStrategies.ALL);
        List<Trial> trials = new ArrayList<>();
        for (PrimeKernel kernel : kernels) {
            trials.addAll(PrimeStrategies.trials(chosen, params(plan.threads(), kernel), plan.spark()));
        }
        return trials;
    }

    private long n() {
        if (n != null) {
            return n;
        }
        return switch (scale) {
            case TINY -> TINY_N;
            case TUTORIAL -> TUTORIAL_N;
            case LARGE -> LARGE_N;
        };
    }

    /** What to count with {@code kernel}, with {@code threads} for the pool. */
    private PrimesParams params(int threads, PrimeKernel kernel) {
        if (n() > kernel.maxN()) {
            throw Usage.error(spec, "--n", String.format(Locale.ROOT, "must be in [0, %,d] for the %s kernel, got %,d",
                    kernel.maxN(), kernel.cliName(), n()));
        }
        return new PrimesParams(n(), kernel, threads, partitions);
    }
}
