package dev.sparkcputour.cli;

import dev.sparkcputour.workload.Usage;

import dev.sparkcputour.results.Report;
import dev.sparkcputour.spark.EventLogReplay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code report}: the table, results.json, results.csv and charts rebuilt from Spark event logs
 * alone, on the user's machine, for runs whose driver ran elsewhere (cluster deploy mode).
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Rebuild a run's table, results.json, results.csv and charts from its Spark event log.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private Path eventLog;
    private Path out;

    @Option(names = "--event-log", paramLabel = "PATH", required = true,
            description = "An application's event log (file or rolling-log folder), or a folder of them such as spark-events.")
    void setEventLog(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw Usage.error(spec, "--event-log", "no such file or folder '" + path + "'");
        }
        EventLogReplay.whyNotAnEventLog(path).ifPresent(why -> {
            throw Usage.error(spec, "--event-log", "'" + path + "' is not a Spark event log (" + why + ")");
        });
        eventLog = path;
    }

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the files (default: results/<timestamp>/; one subfolder per application if several).")
    void setOut(Path folder) {
        out = Usage.writableFolder(spec, "--out", folder);
    }

    @Override
    public Integer call() throws Exception {
        if (out == null) {
            Usage.writableDefault(spec, "--out", Results.DEFAULT_FOLDER);
        }
        List<Report> reports = EventLogReplay.read(eventLog);
        if (reports.isEmpty()) {
            spec.commandLine().getErr().println("spark-cpu-tour: no spark-cpu-tour runs recorded in " + eventLog);
            return ExitCodes.FAILURE;
        }
        int exit = ExitCodes.OK;
        for (Report report : reports) {
            spec.commandLine().getOut().println("Application " + report.machine().sparkApp().orElse("?")
                    + " on " + report.machine().master() + ":");
            Results.printTable(report, spec);
            exit = Math.max(exit, Results.verdict(report, spec));
        }
        Path folder = Results.writeFolder(Optional.ofNullable(out), staging -> {
            for (Report report : reports) {
                Results.writeReport(report, reports.size() == 1 ? staging
                        : staging.resolve(report.machine().sparkApp().orElse("app")));
            }
        });
        spec.commandLine().getErr().println("results, CSV and charts written to " + folder);
        return exit;
    }
}
