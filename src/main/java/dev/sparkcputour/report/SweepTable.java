package dev.sparkcputour.report;

import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.results.Report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The core sweep as a table (median seconds and speedup against the fewest cores, per workload
 * and strategy) and as speedup charts. Runs carry their core count in {@code params.cores}.
 */
public final class SweepTable implements ResultFormat {

    private static final String ROW = "%-8s %-15s %6s %9s %8s  %s%n";

    @Override
    public void writeOut(Report sweep, Appendable out) throws IOException {
        boolean marks = TableFormat.anyUnsettled(sweep);
        out.append(String.format(Locale.ROOT, "%nCore sweep (local[k] and k threads)%n"));
        out.append(String.format(Locale.ROOT, ROW, "workload", "strategy", "cores", "median s" + (marks ? " " : ""),
                "speedup", ""));
        for (String workload : sweep.workloads()) {
            for (String strategy : strategies(sweep, workload)) {
                List<RunResult> points = points(sweep, workload, strategy);
                double base = points.get(0).medianSeconds();
                for (RunResult point : points) {
                    boolean over = Boolean.TRUE.equals(point.params().get("oversubscribed"));
                    out.append(String.format(Locale.ROOT, ROW, workload, strategy, cores(point),
                            TableFormat.median(point, marks),
                            String.format(Locale.ROOT, "%.2fx", base / point.medianSeconds()),
                            over ? "oversubscribed: more cores than the machine has" : ""));
                }
            }
        }
        out.append(String.format(Locale.ROOT, "Speedup is against the fewest cores swept.%n"));
        if (marks) {
            out.append(TableFormat.UNSETTLED_NOTE).append(System.lineSeparator());
        }
    }

    /** Speedup against cores for each strategy of {@code workload}, with the ideal line. */
    public static void chart(String workload, Report sweep, OutputStream out) throws IOException {
        List<String> strategies = strategies(sweep, workload);
        List<Integer> cores = points(sweep, workload, strategies.get(0)).stream().map(SweepTable::cores).toList();
        List<List<Double>> speedups = new ArrayList<>();
        for (String strategy : strategies) {
            List<RunResult> points = points(sweep, workload, strategy);
            double base = points.get(0).medianSeconds() * cores.get(0);
            speedups.add(points.stream().map(p -> base / p.medianSeconds()).toList());
        }
        SpeedupChart.write(workload + ": speedup against cores (ideal: linear)", cores, strategies, speedups, out);
    }

    private static List<String> strategies(Report sweep, String workload) {
        return sweep.runs().stream().filter(r -> r.workload().equals(workload)).map(RunResult::strategy).distinct().toList();
    }

    private static List<RunResult> points(Report sweep, String workload, String strategy) {
        return sweep.runs().stream()
                .filter(r -> r.workload().equals(workload) && r.strategy().equals(strategy))
                .sorted(java.util.Comparator.comparingInt(SweepTable::cores))
                .toList();
    }

    private static int cores(RunResult run) {
        return ((Number) run.params().get("cores")).intValue();
    }
}
