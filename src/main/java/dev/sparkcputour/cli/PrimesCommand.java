package dev.sparkcputour.cli;

import dev.sparkcputour.config.Defaults;
import dev.sparkcputour.config.PrimesParams;
import dev.sparkcputour.harness.Harness;
import dev.sparkcputour.harness.Strategies;
import dev.sparkcputour.primes.PrimeStrategy;
import dev.sparkcputour.report.Report;
import dev.sparkcputour.spark.SparkHandle;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code primes}: counts the primes in [0, N) by trial division with one strategy or all of them. */
@Command(name = "primes", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Count the primes in [0, N) by trial division, the tutorial's CPU-bound task.")
public final class PrimesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    private long n = Defaults.PRIMES_N;
    private List<PrimeStrategy> strategies = Strategies.primes(Strategies.ALL);
    private int threads = Defaults.threads();
    private OptionalInt partitions = OptionalInt.empty();

    @Option(names = "--n", paramLabel = "N", defaultValue = "" + Defaults.PRIMES_N,
            description = "Count the primes below N (default: ${DEFAULT-VALUE}).")
    void setN(long value) {
        n = Usage.atLeast(spec, "--n", value, 0);
    }

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = Strategies.ALL,
            description = "serial, threads, spark or all (default: ${DEFAULT-VALUE}).")
    void setStrategy(String name) {
        try {
            strategies = Strategies.primes(name);
        } catch (IllegalArgumentException e) {
            throw Usage.error(spec, "--strategy", e.getMessage());
        }
    }

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads of the thread pool (default: one per core).")
    void setThreads(int value) {
        threads = (int) Usage.inRange(spec, "--threads", value, 1, Defaults.MAX_THREADS);
    }

    @Option(names = "--partitions", paramLabel = "P",
            description = "Partitions of the range (default: " + Defaults.PARTITIONS_PER_CORE
                    + " per thread or per unit of Spark's default parallelism).")
    void setPartitions(int value) {
        partitions = OptionalInt.of((int) Usage.inRange(spec, "--partitions", value, 1, Defaults.MAX_PARTITIONS));
    }

    @Override
    public Integer call() throws Exception {
        PrimesParams params = new PrimesParams(n, threads, partitions);
        try (SparkHandle spark = Sparks.handle("primes", run, spec)) {
            Harness harness = new Harness(run.warmup(), run.repeat(), spec.commandLine().getErr()::println);
            Report report = harness.run(Strategies.primeTrials(strategies, params, spark), spark);
            int exit = Results.publish(report, run.json(), spec);
            if (run.holdUi()) {
                UiHold.hold(spark, spec.commandLine().getErr());
            }
            return exit;
        }
    }
}
