package dev.sparkcputour.report;

import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.results.Report;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One CSV row per run and repetition (warm-ups marked as such), for spreadsheets, pandas and
 * {@code csv.DictReader} as they are: {@code workload,strategy,phase,repetition,seconds,answer,settled}
 * ({@code settled}: whether the run's auto warm-ups settled, {@code true} or {@code false}, empty
 * after a fixed number), then one column per parameter, in the order the runs first name them,
 * empty where a run has none, then one per count the workloads keep (e.g. {@code inits}), each
 * timed repetition's own, empty on warm-ups (their counts are not kept). Jackson quotes the
 * fields; numbers use Locale.ROOT, so a comma-decimal machine writes the same file.
 */
public final class CsvFormat implements ResultFormat {

    /** The columns every row fills, before the parameters. */
    static final List<String> FIXED = List.of("workload", "strategy", "phase", "repetition", "seconds", "answer",
            "settled");

    private static final CsvMapper MAPPER = new CsvMapper();

    @Override
    public void writeOut(Report report, Appendable out) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (RunResult run : report.runs()) {
            rows(rows, run, "warmup", run.warmupSeconds(), List.of());
            rows(rows, run, "timed", run.seconds(), run.timedCounts());
        }
        out.append(MAPPER.writer(schema(report)).writeValueAsString(rows));
    }

    /** The fixed columns, then every parameter name of every run, then every count's, first seen first. */
    private static CsvSchema schema(Report report) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        FIXED.forEach(schema::addColumn);
        List<String> params = report.runs().stream().flatMap(run -> run.params().keySet().stream()).distinct().toList();
        params.forEach(name -> {
            if (FIXED.contains(name)) { // its cell would overwrite the fixed one
                throw new IllegalArgumentException("a parameter may not be named like the CSV column " + name);
            }
            schema.addColumn(name);
        });
        report.runs().stream().flatMap(run -> run.timedCounts().stream()).flatMap(c -> c.keySet().stream()).distinct()
                .forEach(name -> {
                    if (FIXED.contains(name) || params.contains(name)) {
                        throw new IllegalArgumentException("a count may not be named like the CSV column " + name);
                    }
                    schema.addColumn(name);
                });
        return schema.build();
    }

    private static void rows(List<Map<String, String>> rows, RunResult run, String phase, List<Double> seconds,
                             List<Map<String, Long>> counts) {
        for (int i = 0; i < seconds.size(); i++) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("workload", run.workload());
            row.put("strategy", run.strategy());
            row.put("phase", phase);
            row.put("repetition", Integer.toString(i + 1));
            row.put("seconds", String.format(Locale.ROOT, "%.6f", seconds.get(i)));
            row.put("answer", run.answer());
            row.put("settled", run.warmup().settled().map(String::valueOf).orElse(""));
            run.params().forEach((name, value) -> row.put(name, String.valueOf(value))); // absent: an empty cell
            if (!counts.isEmpty()) {
                counts.get(i).forEach((name, n) -> row.put(name, Long.toString(n)));
            }
            rows.add(row);
        }
    }
}
