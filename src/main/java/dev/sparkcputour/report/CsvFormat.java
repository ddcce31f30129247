package dev.sparkcputour.report;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One CSV row per run and repetition (warm-ups marked as such), for spreadsheets and plotting:
 * {@code workload,strategy,phase,repetition,seconds,answer,params}. Numbers use Locale.ROOT
 * whatever the user's locale, so a comma-decimal machine still writes a valid file.
 */
public final class CsvFormat implements ResultFormat {

    static final String HEADER = "workload,strategy,phase,repetition,seconds,answer,params";

    @Override
    public void writeOut(Report report, Appendable out) throws IOException {
        out.append(HEADER).append('\n');
        for (RunResult run : report.runs()) {
            rows(out, run, "warmup", run.warmupSeconds());
            rows(out, run, "timed", run.seconds());
        }
    }

    private static void rows(Appendable out, RunResult run, String phase, List<Double> seconds) throws IOException {
        String params = run.params().entrySet().stream()
                .map(Map.Entry::toString)
                .collect(Collectors.joining(";"));
        for (int i = 0; i < seconds.size(); i++) {
            out.append(String.join(",", quote(run.workload()), quote(run.strategy()), phase,
                    Integer.toString(i + 1), String.format(Locale.ROOT, "%.6f", seconds.get(i)),
                    quote(run.answer()), quote(params))).append('\n');
        }
    }

    /** RFC 4180 quoting, only where needed. */
    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
