package dev.sparkcputour.cli;

import dev.sparkcputour.workload.Usage;

import dev.sparkcputour.spark.SparkHandle;
import picocli.CommandLine.Model.CommandSpec;

/** Creates a command's Spark handle, turning a bad master URL into a usage error. */
final class Sparks {

    private Sparks() {
    }

    static SparkHandle handle(String command, RunOptions run, CommandSpec spec) {
        try {
            return SparkHandle.create("spark-cpu-tour " + command, run.master(), run.faults());
        } catch (IllegalArgumentException e) {
            throw Usage.error(spec, run.master().isPresent() ? "--master" : "spark.master", e.getMessage());
        }
    }
}
