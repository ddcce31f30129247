package dev.sparkcputour.report;

import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.results.Report;

import dev.sparkcputour.results.SparkMetrics;
import dev.sparkcputour.results.WarmupOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.IntSummaryStatistics;
import java.util.Locale;
import java.util.Optional;

/**
 * The human-readable table: per run the median and minimum seconds of the timed work, the
 * speedup of the median against the workload's first (serial) run, what Spark's listener saw
 * (per timed run, when any strategy used Spark), and the answer; a median whose warm-ups never
 * settled is marked {@code *}.
 */
public final class TableFormat implements ResultFormat {

    /** The first columns, as wide as their longest name (at least as the headers and the tutorial's names). */
    private static final String TIMES = "%%-%ds %%-%ds %%9s %%9s %%8s";
    private static final String SPARK = "  %5s %8s %8s %7s %7s %9s %9s %6s";
    private static final String ANSWER = "  %s%n";

    /** The footnote of a median marked by {@link #median}. */
    static final String UNSETTLED_NOTE = "* did not settle within its warm-up budget: still getting faster, or the JIT"
            + " still compiling; more warm-ups may lower it.";

    private static int width(Report report, java.util.function.Function<RunResult, String> column, int least) {
        return Math.max(least, report.runs().stream().mapToInt(run -> column.apply(run).length()).max().orElse(0));
    }

    @Override
    public void writeOut(Report report, Appendable out) throws IOException {
        boolean spark = report.runs().stream().anyMatch(r -> r.sparkMetrics().isPresent());
        boolean marks = anyUnsettled(report);
        String times = format(TIMES, width(report, RunResult::workload, 8), width(report, RunResult::strategy, 15));
        out.append(format(times, "workload", "strategy", "median s" + (marks ? " " : ""), "min s", "speedup"));
        if (spark) {
            out.append(format(SPARK, "tasks", "deser s", "run s", "ser s", "gc s", "bcast MB", "result MB", "copies"));
        }
        out.append(format(ANSWER, "answer"));
        for (RunResult run : report.runs()) {
            Optional<RunResult> reference = report.reference(run.workload());
            String speedup = reference.map(ref -> format("%.2fx", ref.medianSeconds() / run.medianSeconds()))
                    .orElse("");
            out.append(format(times, run.workload(), run.strategy(), median(run, marks),
                    seconds(run.minSeconds()), speedup));
            if (spark) {
                out.append(run.sparkMetrics().map(TableFormat::sparkColumns)
                        .orElse(format(SPARK, "", "", "", "", "", "", "", "")));
            }
            String answer = grouped(run.answer())
                    + (report.agrees(run) ? "" : "  MISMATCH: " + reference.get().strategy() + " says "
                    + grouped(reference.get().answer()));
            out.append(format(ANSWER, answer));
        }
        for (String verdict : Verdicts.lines(report)) {
            out.append(verdict).append(System.lineSeparator());
        }
        out.append(format("%d timed repetition(s) per strategy%s; times cover the work only.%n",
                report.runs().isEmpty() ? 0 : report.runs().get(0).seconds().size(), warmups(report)));
        if (marks) {
            out.append(UNSETTLED_NOTE).append(System.lineSeparator());
        }
        if (spark) {
            out.append(format("Spark columns are per timed run, summed over tasks: deserialisation, run and result"
                    + " serialisation time, GC, broadcast and result bytes, image copies deserialised in tasks.%n"));
        }
        if (report.sparkStartupSeconds().isPresent()) {
            out.append(format("Spark context start-up (not in the times above): %.2f s on %s%n",
                    report.sparkStartupSeconds().getAsDouble(), report.machine().master()));
        }
    }

    /** Whether any run's warm-ups ended unsettled, so that medians carry a mark column. */
    static boolean anyUnsettled(Report report) {
        return report.runs().stream().anyMatch(r -> r.warmup() == WarmupOutcome.UNSETTLED);
    }

    /** The median, and where {@code marks}, a column marking one that did not settle with {@code *}. */
    static String median(RunResult run, boolean marks) {
        String mark = run.warmup() == WarmupOutcome.UNSETTLED ? "*" : " ";
        return seconds(run.medianSeconds()) + (marks ? mark : "");
    }

    /**
     * Seconds to the millisecond, and below 10 ms to three significant digits: a settled sieve
     * at N = 2,000,000 takes 0.17 ms, which three decimals printed as 0.000 beside a 926x speedup.
     */
    static String seconds(double value) {
        if (value >= 0.01 || value <= 0 || !Double.isFinite(value)) {
            return format("%.3f", value);
        }
        return new BigDecimal(value).round(new MathContext(3)).toPlainString();
    }

    /** After auto warm-ups, how many each strategy took; nothing after a fixed number, as the command asked for it. */
    private static String warmups(Report report) {
        IntSummaryStatistics auto = report.runs().stream().filter(r -> r.warmup() != WarmupOutcome.FIXED)
                .mapToInt(r -> r.warmupSeconds().size()).summaryStatistics();
        String count = auto.getMin() == auto.getMax() ? Integer.toString(auto.getMin())
                : format("%d to %d", auto.getMin(), auto.getMax());
        return auto.getCount() == 0 ? "" : format(", after warm-ups until its times settled (%s warm-up%s)", count,
                auto.getMax() == 1 ? "" : "s");
    }

    private static String sparkColumns(SparkMetrics m) {
        return format(SPARK, m.tasks(), format("%.2f", m.deserializeSeconds()), format("%.2f", m.runSeconds()),
                format("%.2f", m.resultSerializeSeconds()), format("%.2f", m.gcSeconds()),
                format("%.1f", m.broadcastBytes() / 1e6), format("%.1f", m.resultBytes() / 1e6), m.imageCopies());
    }

    /** An integer answer with thousands separators; anything else as it is. */
    private static String grouped(String answer) {
        try {
            return format("%,d", Long.parseLong(answer));
        } catch (NumberFormatException notAnInteger) {
            return answer;
        }
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
