package dev.sparkcputour.report;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The human-readable table: per run the median and minimum seconds of the timed work, the
 * speedup of the median against the workload's first (serial) run, and the answer.
 */
public final class TableFormat implements ResultFormat {

    private static final String ROW = "%-10s %-10s %10s %10s %9s  %s%n";

    @Override
    public void writeOut(Report report, Appendable out) throws IOException {
        out.append(String.format(Locale.ROOT, ROW, "workload", "strategy", "median s", "min s", "speedup", "answer"));
        for (RunResult run : report.runs()) {
            Optional<RunResult> reference = report.reference(run.workload());
            String speedup = reference.map(ref -> format("%.2fx", ref.medianSeconds() / run.medianSeconds()))
                    .orElse("");
            String answer = grouped(run.answer())
                    + (report.agrees(run) ? "" : "  MISMATCH: " + reference.get().strategy() + " says "
                    + grouped(reference.get().answer()));
            out.append(format(ROW, run.workload(), run.strategy(), format("%.3f", run.medianSeconds()),
                    format("%.3f", run.minSeconds()), speedup, answer));
        }
        out.append(format("%d timed repetition(s) per strategy; times cover the work only.%n",
                report.runs().isEmpty() ? 0 : report.runs().get(0).seconds().size()));
        if (report.sparkStartupSeconds().isPresent()) {
            out.append(format("Spark context start-up (not in the times above): %.2f s on %s%n",
                    report.sparkStartupSeconds().getAsDouble(), report.machine().master()));
        }
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
