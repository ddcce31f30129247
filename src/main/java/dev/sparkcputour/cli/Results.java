package dev.sparkcputour.cli;

import dev.sparkcputour.report.AtomicFiles;
import dev.sparkcputour.report.JsonFormat;
import dev.sparkcputour.report.Report;
import dev.sparkcputour.report.TableFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** Publishes a report: the table on stdout, the JSON file if asked; exit 1 when strategies disagree. */
final class Results {

    private Results() {
    }

    static int publish(Report report, Optional<Path> json, CommandSpec spec) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        new TableFormat().writeOut(report, out);
        out.flush();
        if (json.isPresent()) {
            AtomicFiles.write(json.get(), new JsonFormat(), report);
            spec.commandLine().getErr().println("results written to " + json.get());
        }
        if (!report.allAgree()) {
            spec.commandLine().getErr().println("spark-cpu-tour: strategies disagree on the answer (see MISMATCH above)");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }
}
