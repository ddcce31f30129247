package dev.sparkcputour.cli;

import dev.sparkcputour.harness.Harness;
import dev.sparkcputour.harness.Strategies;
import dev.sparkcputour.kernel.PrimeKernel;
import dev.sparkcputour.primes.PrimeStrategy;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.spark.SparkHandle;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code primes}: counts the primes in [0, N) by trial division or a sieve, with one strategy or all of them. */
@Command(name = "primes", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Count the primes in [0, N) by trial division (the tutorial's CPU-bound task) or a segmented sieve.")
public final class PrimesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private PrimesOptions workload;

    @Mixin
    private ThreadsOption threads;

    @Mixin
    private RunOptions run;

    private List<PrimeStrategy> strategies = Strategies.primes(Strategies.ALL);

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = Strategies.ALL,
            description = "serial, threads, spark or all (default: ${DEFAULT-VALUE}).")
    void setStrategy(String name) {
        strategies = Usage.choose(spec, "--strategy", () -> Strategies.primes(name));
    }

    @Option(names = "--kernel", paramLabel = "NAME", defaultValue = "trial",
            description = "trial (the tutorial's trial division) or sieve (a segmented sieve of Eratosthenes,"
                    + " N up to 10^15) (default: ${DEFAULT-VALUE}).")
    void setKernel(String name) {
        workload.kernel(Usage.choose(spec, "--kernel", () -> PrimeKernel.byName(name)));
    }

    @Override
    public Integer call() throws Exception {
        try (SparkHandle spark = Sparks.handle("primes", run, spec)) {
            Harness harness = new Harness(run.warmup(), run.repeat(), spec.commandLine().getErr()::println);
            Report report = harness.run(
                    Strategies.primeTrials(strategies, workload.params(threads.threads()), spark), spark);
            int exit = Results.publish(report, run.json(), spec);
            if (run.holdUi()) {
                UiHold.hold(spark, spec.commandLine().getErr());
            }
            return exit;
        }
    }
}
