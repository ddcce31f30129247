package dev.sparkcputour.cli;

import dev.sparkcputour.registry.Workloads;
import dev.sparkcputour.spark.SchedulingOverhead;
import dev.sparkcputour.spark.SchedulingOverhead.Measured;
import dev.sparkcputour.spark.SerializerConf;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.DataToMove;
import dev.sparkcputour.workload.Usage;
import dev.sparkcputour.workload.Workload;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code overhead}: Spark's fixed per-job and per-task cost on this master, from empty jobs, and
 * what moving the tutorial's image and results costs before any arithmetic, with Java's and
 * Kryo's serializers side by side (one context after the other in this JVM).
 */
@Command(name = "overhead", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure Spark's fixed cost per job and per task with empty jobs, and the cost of moving the"
                + " tutorial's image (a broadcast, and a copy in every task's data) and its results (a job returning"
                + " them) with no arithmetic, with Java's and Kryo's serializers side by side: a warm-up context,"
                + " then one context per round (kryo, java, java, kryo).")
public final class OverheadCommand implements Callable<Integer> {

    private static final int MANY_TASKS = 64;

    /**
     * One context per round, after one that warms the JVM up (the JIT compiles Spark's code over
     * the first hundreds of jobs) with Kryo, whose code nothing else runs (closures and the
     * results' envelopes keep Java's warm); each serializer once early and once late, so what is
     * left of that drift favours neither.
     */
    private static final List<String> ROUNDS = List.of(SerializerConf.KRYO, SerializerConf.JAVA, SerializerConf.JAVA,
            SerializerConf.KRYO);

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    private int jobs = 50;

    @Option(names = "--jobs", paramLabel = "J", defaultValue = "50",
            description = "Timed jobs of each kind per round, after as many untimed; at most "
                    + SchedulingOverhead.MAX_COPY_JOBS + " of the copy jobs (default: ${DEFAULT-VALUE}).")
    void setJobs(int value) {
        jobs = (int) Usage.atLeast(spec, "--jobs", value, 1);
    }

    @Override
    public Integer call() {
        DataToMove data = Workloads.all().stream().map(Workload::dataToMove).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new IllegalStateException("no registered workload moves data"));
        INDArray shared = data.shared();
        int tasks = data.tasks();
        int[] taskCounts = {1, tasks, MANY_TASKS};
        Map<String, List<Measured>> rounds = new HashMap<>();
        String usual = null;
        String where = null;
        for (int round = 0; round <= ROUNDS.size(); round++) {
            try (SparkHandle spark = Sparks.handle("overhead", run, spec)) {
                usual = spark.serializer();
                String serializer = ROUNDS.get(Math.max(round, 1) - 1); // round 0 only warms up
                Measured measured = SchedulingOverhead.measure(spark.serializedWith(serializer), jobs, taskCounts, shared,
                        tasks, data.result());
                if (round > 0) {
                    rounds.computeIfAbsent(serializer, s -> new ArrayList<>()).add(measured);
                }
                where = String.format(Locale.ROOT, "%s (%d cores)", spark.master(), spark.context().defaultParallelism());
            }
        }
        Measured java = Measured.mean(rounds.get(SerializerConf.JAVA));
        Measured kryo = Measured.mean(rounds.get(SerializerConf.KRYO));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "wall ms on %s: medians of %d jobs after as many untimed, the mean of two rounds%n",
                where, jobs);
        out.printf(Locale.ROOT, "%-74s %9s %9s%n", "(a warm-up context, then rounds " + String.join(", ",
                ROUNDS.stream().map(SerializerConf::shortName).toList()) + ")",
                SerializerConf.shortName(java.serializer()), SerializerConf.shortName(kryo.serializer()));
        for (int i = 0; i < taskCounts.length; i++) {
            int at = i;
            row(out, "empty job, " + taskCounts[i] + " task(s)" + (i == 0 ? " (the cost per job)" : ""), java, kryo,
                    m -> m.emptyJobs().get(at).medianSeconds());
        }
        row(out, "per extra task (from the 64-task job)", java, kryo, m -> (m.emptyJobs().get(2).medianSeconds()
                - m.emptyJobs().get(0).medianSeconds()) / (MANY_TASKS - 1));
        row(out, String.format(Locale.ROOT, "broadcast of a %s (%.1f MB)", data.what(), mb(shared.length())),
                java, kryo, m -> m.moved().broadcastSeconds());
        long resultLength = Arrays.stream(data.result()).reduce(1, Math::multiplyExact);
        row(out, String.format(Locale.ROOT, "job of %d tasks, each returning a %s result (%.1f MB)", tasks,
                Arrays.stream(data.result()).mapToObj(Long::toString).collect(Collectors.joining("×")),
                mb(tasks * resultLength)), java, kryo, m -> m.moved().resultsJobSeconds());
        row(out, String.format(Locale.ROOT, "job of %d tasks, each with the %s in its data (%.1f MB; medians of %d)",
                tasks, data.what(), mb(tasks * shared.length()), Math.min(jobs, SchedulingOverhead.MAX_COPY_JOBS)), java, kryo,
                m -> m.moved().copyJobSeconds());
        row(out, "spark-broadcast's floor per iteration (broadcast + results job)", java, kryo,
                m -> m.moved().floorSeconds());
        out.printf(Locale.ROOT, "with %s, the floor is %.2f of %s's; other commands use %s here (spark.serializer)%n",
                SerializerConf.shortName(kryo.serializer()), kryo.moved().floorSeconds() / java.moved().floorSeconds(),
                SerializerConf.shortName(java.serializer()), SerializerConf.shortName(usual));
        return ExitCodes.OK;
    }

    private static void row(PrintWriter out, String label, Measured java, Measured kryo, ToDoubleFunction<Measured> seconds) {
        out.printf(Locale.ROOT, "%-74s %9.3f %9.3f%n", label, seconds.applyAsDouble(java) * 1e3,
                seconds.applyAsDouble(kryo) * 1e3);
    }

    private static double mb(long doubles) {
        return doubles * (double) Double.BYTES / 1e6;
    }
}
