package dev.sparkcputour.report;

import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.results.Report;

import dev.sparkcputour.results.SparkMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One line per workload under the table: which strategy won, and the reason visible in Spark's
 * metrics, so a reader need not open the UI to see why the numbers differ.
 */
public final class Verdicts {

    /** A workload's count of model initialisations per run (see {@code RunResult#counts}). */
    private static final String INITS = "inits";
    /** Results a Spark run brings back per run beyond which, at ten times another's, they are its story. */
    private static final long SHIPS_STATE_BYTES = 1L << 20;

    private Verdicts() {
    }

    public static List<String> lines(Report report) {
        List<String> out = new ArrayList<>();
        for (String workload : report.workloads()) {
            List<RunResult> runs = report.runs().stream().filter(r -> r.workload().equals(workload)).toList();
            out.add(line(workload, runs, report.reference(workload).orElseThrow()));
        }
        return out;
    }

    private static String line(String workload, List<RunResult> runs, RunResult reference) {
        RunResult winner = runs.stream().min(Comparator.comparingDouble(RunResult::medianSeconds)).orElseThrow();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %s is fastest (%s s median, %.2fx %s)",
                workload, winner.strategy(), TableFormat.seconds(winner.medianSeconds()),
                reference.medianSeconds() / winner.medianSeconds(), reference.strategy()));
        List<RunResult> spark = runs.stream().filter(r -> r.sparkMetrics().isPresent())
                .sorted(Comparator.comparingDouble(RunResult::medianSeconds)).toList();
        if (spark.isEmpty()) {
            return line.toString();
        }
        RunResult best = spark.get(0);
        RunResult worst = spark.get(spark.size() - 1);
        boolean copiesMatter = spark.stream().anyMatch(r -> r.sparkMetrics().get().imageCopies() > 0);
        boolean initsCounted = spark.stream().anyMatch(r -> r.counts().containsKey(INITS));
        RunResult heaviest = spark.stream().max(Comparator.comparingLong(r -> r.sparkMetrics().get().resultBytes()))
                .orElseThrow();
        long lightestBytes = spark.stream().mapToLong(r -> r.sparkMetrics().get().resultBytes()).min().orElseThrow();
        long heaviestBytes = heaviest.sparkMetrics().get().resultBytes();
        if (copiesMatter && best != worst) {
            line.append("; ").append(best.strategy()).append(' ').append(copies(best))
                    .append(", ").append(worst.strategy()).append(' ').append(copies(worst));
        } else if (initsCounted && best != worst) {
            line.append("; ").append(best.strategy()).append(' ').append(inits(best))
                    .append(", ").append(worst.strategy()).append(' ').append(inits(worst));
        } else if (heaviest != best && heaviestBytes >= SHIPS_STATE_BYTES && heaviestBytes > 10 * lightestBytes) {
            // state shipped through the driver: out in the task data, back in the results
            line.append("; ").append(best.strategy()).append(' ').append(shipped(best))
                    .append(", ").append(heaviest.strategy()).append(' ').append(shipped(heaviest))
                    .append(": the data it moves through the driver is its gap");
        } else {
            SparkMetrics m = best.sparkMetrics().get();
            line.append(String.format(Locale.ROOT, "; %s ran %d tasks in %d job(s) per run, %.2f s of it deserialising"
                            + " tasks: the rest of its gap is Spark's fixed cost per job and task",
                    best.strategy(), m.tasks(), jobsPerRun(best), m.deserializeSeconds()));
        }
        return line.toString();
    }

    private static String copies(RunResult run) {
        SparkMetrics m = run.sparkMetrics().get();
        long jobs = jobsPerRun(run);
        return String.format(Locale.ROOT, "deserialised the image %d times per run (%s per job, %.2f s of task"
                + " deserialisation)", m.imageCopies(), jobs == 0 ? "-" : perJob(m.imageCopies(), jobs),
                m.deserializeSeconds());
    }

    /** Initialisations per run, against the tasks and the executor run time they cost. */
    private static String inits(RunResult run) {
        SparkMetrics m = run.sparkMetrics().get();
        return String.format(Locale.ROOT, "initialised the model %d times in %d tasks per run (%.2f s of executor run time)",
                run.counts().getOrDefault(INITS, 0L), m.tasks(), m.runSeconds());
    }

    private static String shipped(RunResult run) {
        SparkMetrics m = run.sparkMetrics().get();
        return String.format(Locale.ROOT, "returned %.1f MB of task results per run in %d job(s), with %.2f s of task"
                + " deserialisation", m.resultBytes() / 1e6, jobsPerRun(run), m.deserializeSeconds());
    }

    private static String perJob(long copies, long jobs) {
        return copies % jobs == 0 ? Long.toString(copies / jobs) : String.format(Locale.ROOT, "%.1f", copies / (double) jobs);
    }

    private static long jobsPerRun(RunResult run) {
        return run.sparkMetrics().get().jobIds().size() / Math.max(1, run.seconds().size());
    }
}
