package dev.sparkcputour.cli;

import dev.sparkcputour.registry.Workloads;
import dev.sparkcputour.workload.Workload;
import picocli.CommandLine;

/** The subcommands, in the order the help lists them: compare, one per registered workload, report, overhead. */
public final class Commands {

    private Commands() {
    }

    /** Adds every subcommand to {@code root} and returns it. */
    public static CommandLine addTo(CommandLine root) {
        root.addSubcommand("compare", CompareCommand.commandLine());
        for (Workload workload : Workloads.all()) {
            root.addSubcommand(workload.name(), WorkloadCommand.commandLine(workload));
        }
        root.addSubcommand("report", new ReportCommand());
        root.addSubcommand("overhead", new OverheadCommand());
        return root;
    }
}
