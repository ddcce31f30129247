package dev.sparkcputour.results;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything one command measured: the machine, the runs in the order they ran, and the Spark
 * context's start-up time (reported apart, never inside a run's seconds) with its UI address.
 */
public record Report(Machine machine, List<RunResult> runs, OptionalDouble sparkStartupSeconds,
                     Optional<String> sparkUi) {

    public Report {
        runs = List.copyOf(runs);
    }

    /** The workloads, in the order they ran. */
    public List<String> workloads() {
        return runs.stream().map(RunResult::workload).distinct().toList();
    }

    /** The first run of {@code workload}: the reference that the others' answers must equal. */
    public Optional<RunResult> reference(String workload) {
        return runs.stream().filter(r -> r.workload().equals(workload)).findFirst();
    }

    /** Whether {@code run} gave the same answer as its workload's reference. */
    public boolean agrees(RunResult run) {
        return reference(run.workload()).map(ref -> ref.answer().equals(run.answer())).orElse(true);
    }

    /** Whether every run agrees with its workload's reference. */
    public boolean allAgree() {
        return runs.stream().allMatch(this::agrees);
    }
}
