package dev.sparkcputour.cli;

import dev.sparkcputour.report.AtomicFiles;
import dev.sparkcputour.report.Charts;
import dev.sparkcputour.report.CsvFormat;
import dev.sparkcputour.report.RunResult;
import dev.sparkcputour.report.SweepTable;
import dev.sparkcputour.report.JsonFormat;
import dev.sparkcputour.report.Report;
import dev.sparkcputour.report.TableFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** Publishes a report: the table on stdout, the files asked for; exit 1 when strategies disagree. */
final class Results {

    private Results() {
    }

    static int publish(Report report, Optional<Path> json, CommandSpec spec) throws IOException {
        return publish(report, json, Optional.empty(), spec);
    }

    /** Also writes results.json, results.csv and one chart per workload into {@code folder}, if given. */
    static int publish(Report report, Optional<Path> json, Optional<Path> folder, CommandSpec spec) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        new TableFormat().writeOut(report, out);
        out.flush();
        if (json.isPresent()) {
            AtomicFiles.write(json.get(), new JsonFormat(), report);
            spec.commandLine().getErr().println("results written to " + json.get());
        }
        if (folder.isPresent()) {
            writeFolder(report, folder.get());
            spec.commandLine().getErr().println("results, CSV and charts written to " + folder.get());
        }
        if (!report.allAgree()) {
            spec.commandLine().getErr().println("spark-cpu-tour: strategies disagree on the answer (see MISMATCH above)");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    /**
     * The core sweep: its table on stdout, sweep.json, sweep.csv and one speedup chart per
     * workload; exit 1 if any sweep run's answer differs from the comparison's reference.
     */
    static int publishSweep(Report sweep, Report comparison, Path folder, CommandSpec spec) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        new SweepTable().writeOut(sweep, out);
        out.flush();
        AtomicFiles.write(folder.resolve("sweep.json"), new JsonFormat(), sweep);
        AtomicFiles.write(folder.resolve("sweep.csv"), new CsvFormat(), sweep);
        for (String workload : sweep.workloads()) {
            AtomicFiles.write(folder.resolve("sweep-" + workload + ".png"),
                    png -> SweepTable.chart(workload, sweep, png));
        }
        spec.commandLine().getErr().println("sweep results and charts written to " + folder);
        List<RunResult> wrong = sweep.runs().stream()
                .filter(r -> comparison.reference(r.workload()).map(ref -> !ref.answer().equals(r.answer())).orElse(false))
                .toList();
        if (!wrong.isEmpty()) {
            spec.commandLine().getErr().println("spark-cpu-tour: the sweep's answers disagree with the comparison: " + wrong
                    .stream().map(r -> r.strategy() + " on " + r.params().get("cores") + " cores").toList());
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    /** results/yyyyMMdd-HHmmss, with a suffix if a run in the same second already took it: nothing is overwritten. */
    static Path timestampedFolder() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path folder = Path.of("results", stamp);
        for (int i = 2; Files.exists(folder); i++) {
            folder = Path.of("results", stamp + "-" + i);
        }
        return folder;
    }

    private static void writeFolder(Report report, Path folder) throws IOException {
        AtomicFiles.write(folder.resolve("results.json"), new JsonFormat(), report);
        AtomicFiles.write(folder.resolve("results.csv"), new CsvFormat(), report);
        for (String workload : report.workloads()) {
            List<RunResult> runs = report.runs().stream().filter(r -> r.workload().equals(workload)).toList();
            AtomicFiles.write(folder.resolve(workload + ".png"), png -> Charts.medianBars(workload, runs, png));
        }
    }
}
