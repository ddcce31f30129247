package dev.sparkcputour.cli;

import dev.sparkcputour.report.AtomicFiles;
import dev.sparkcputour.report.Charts;
import dev.sparkcputour.report.CsvFormat;
import dev.sparkcputour.report.RunResult;
import dev.sparkcputour.report.JsonFormat;
import dev.sparkcputour.report.Report;
import dev.sparkcputour.report.TableFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    private static void writeFolder(Report report, Path folder) throws IOException {
        AtomicFiles.write(folder.resolve("results.json"), new JsonFormat(), report);
        AtomicFiles.write(folder.resolve("results.csv"), new CsvFormat(), report);
        for (String workload : report.workloads()) {
            List<RunResult> runs = report.runs().stream().filter(r -> r.workload().equals(workload)).toList();
            AtomicFiles.write(folder.resolve(workload + ".png"), png -> Charts.medianBars(workload, runs, png));
        }
    }
}
