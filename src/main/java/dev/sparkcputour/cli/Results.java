package dev.sparkcputour.cli;

import dev.sparkcputour.report.AtomicFiles;
import dev.sparkcputour.report.CsvFormat;
import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.report.SweepTable;
import dev.sparkcputour.report.JsonFormat;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.report.TableFormat;
import dev.sparkcputour.report.TimeBars;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** Publishes a report: the table on stdout, the files asked for; exit 1 when strategies disagree. */
final class Results {

    /** Where results folders go without --out: results/yyyyMMdd-HHmmss. */
    static final Path DEFAULT_FOLDER = Path.of("results");

    private Results() {
    }

    /** The table on stdout and, if asked, the JSON file; exit 1 when strategies disagree. */
    static int publish(Report report, Optional<Path> json, CommandSpec spec) throws IOException {
        printTable(report, spec);
        writeJson(report, json, spec);
        return verdict(report, spec);
    }

    static void printTable(Report report, CommandSpec spec) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        new TableFormat().writeOut(report, out);
        out.flush();
    }

    static void writeJson(Report report, Optional<Path> json, CommandSpec spec) throws IOException {
        if (json.isPresent()) {
            AtomicFiles.write(json.get(), new JsonFormat(), report);
            spec.commandLine().getErr().println("results written to " + json.get());
        }
    }

    /** Exit 1, with a line saying why, when strategies disagree; else 0. */
    static int verdict(Report report, CommandSpec spec) {
        if (!report.allAgree()) {
            spec.commandLine().getErr().println("spark-cpu-tour: strategies disagree on the answer (see MISMATCH above)");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    /**
     * Writes a results folder whole or not at all: into {@code out} (new or empty) if given, else
     * into a new results/yyyyMMdd-HHmmss (with a suffix if a run in the same second took it).
     * Returns the folder written.
     */
    static Path writeFolder(Optional<Path> out, AtomicFiles.FolderBody files) throws IOException {
        if (out.isPresent()) {
            AtomicFiles.writeFolder(out.get(), files);
            return out.get();
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return AtomicFiles.writeNewFolder(DEFAULT_FOLDER.resolve(stamp), files);
    }

    /** results.json, results.csv and one chart per workload, into {@code folder}. */
    static void writeReport(Report report, Path folder) throws IOException {
        AtomicFiles.write(folder.resolve("results.json"), new JsonFormat(), report);
        AtomicFiles.write(folder.resolve("results.csv"), new CsvFormat(), report);
        for (String workload : report.workloads()) {
            AtomicFiles.write(folder.resolve(workload + ".png"), png -> TimeBars.write(workload, report, png));
        }
    }

    /** The core sweep's table on stdout. */
    static void printSweep(Report sweep, CommandSpec spec) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        new SweepTable().writeOut(sweep, out);
        out.flush();
    }

    /** sweep.json, sweep.csv and one speedup chart per workload, into {@code folder}. */
    static void writeSweep(Report sweep, Path folder) throws IOException {
        AtomicFiles.write(folder.resolve("sweep.json"), new JsonFormat(), sweep);
        AtomicFiles.write(folder.resolve("sweep.csv"), new CsvFormat(), sweep);
        for (String workload : sweep.workloads()) {
            AtomicFiles.write(folder.resolve("sweep-" + workload + ".png"),
                    png -> SweepTable.chart(workload, sweep, png));
        }
    }

    /** Exit 1, naming the runs, if any sweep run's answer differs from the comparison's reference. */
    static int sweepVerdict(Report sweep, Report comparison, CommandSpec spec) {
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
}
