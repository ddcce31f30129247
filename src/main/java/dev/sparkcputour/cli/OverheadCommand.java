package dev.sparkcputour.cli;

import dev.sparkcputour.spark.JobLabel;
import dev.sparkcputour.spark.SchedulingOverhead;
import dev.sparkcputour.spark.SchedulingOverhead.Measurement;
import dev.sparkcputour.spark.SparkHandle;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code overhead}: Spark's fixed per-job and per-task cost on this master, from empty jobs. */
@Command(name = "overhead", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure Spark's fixed cost per job and per task with empty jobs.")
public final class OverheadCommand implements Callable<Integer> {

    private static final int MANY_TASKS = 64;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    private int jobs = 50;

    @Option(names = "--jobs", paramLabel = "J", defaultValue = "50",
            description = "Timed empty jobs per task count, after as many untimed (default: ${DEFAULT-VALUE}).")
    void setJobs(int value) {
        jobs = (int) Usage.atLeast(spec, "--jobs", value, 1);
    }

    @Override
    public Integer call() {
        try (SparkHandle spark = Sparks.handle("overhead", run, spec)) {
            JobLabel label = new JobLabel("overhead", "overhead · empty jobs", "empty job");
            List<Measurement> m = spark.run(label,
                    sc -> SchedulingOverhead.measure(sc, jobs, 1, MANY_TASKS));
            double perJob = m.get(0).medianSeconds();
            double perTask = (m.get(1).medianSeconds() - perJob) / (MANY_TASKS - 1);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "empty job, %d task:   %7.2f ms (median of %d)%n", 1, perJob * 1e3, jobs);
            out.printf(Locale.ROOT, "empty job, %d tasks: %7.2f ms (median of %d)%n", MANY_TASKS,
                    m.get(1).medianSeconds() * 1e3, jobs);
            out.printf(Locale.ROOT, "per job ~ %.2f ms, per extra task ~ %.3f ms of wall time on %s (%d cores)%n",
                    perJob * 1e3, perTask * 1e3, spark.master(), spark.context().defaultParallelism());
            return ExitCodes.OK;
        }
    }
}
