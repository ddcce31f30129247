package dev.sparkcputour.report;

import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.results.SparkMetrics;
import java.util.OptionalInt;

/**
 * Where a run's median wall time went, in wall seconds that add up to the median. Serial and
 * thread runs are all compute. For Spark runs the listener's task times are CPU-seconds summed
 * over tasks, so each is divided by the task slots in use (the master's slots, or the tasks per
 * job if fewer) to give the wall time it could fill; whatever of the median they leave is the
 * rest: scheduling, fetching results and the driver's work, plus any slot left idle. Should the
 * task parts exceed the median (metrics are means, the median is not), they are scaled to fit
 * and the rest is zero.
 *
 * @param compute             executor run time (task run, GC included), or all of a non-Spark run
 * @param deserialisation     task deserialisation
 * @param resultSerialisation result serialisation on the executors
 * @param rest                the wall time the tasks do not account for, never negative
 */
public record TimeParts(Family family, double compute, double deserialisation, double resultSerialisation,
                        double rest) {

    /** The parts, in the order charts draw them. */
    public enum Part {
        COMPUTE, DESERIALISATION, RESULT_SERIALISATION, REST
    }

    /** The parts of {@code run}'s median; {@code masterSlots} is empty when the master does not say (a cluster). */
    public static TimeParts of(RunResult run, OptionalInt masterSlots) {
        double wall = run.medianSeconds();
        Family family = Family.of(run);
        if (run.sparkMetrics().isEmpty()) {
            return new TimeParts(family, wall, 0, 0, 0);
        }
        SparkMetrics m = run.sparkMetrics().get();
        double slots = slotsInUse(m, run.seconds().size(), masterSlots);
        double compute = m.runSeconds() / slots;
        double deserialisation = m.deserializeSeconds() / slots;
        double resultSerialisation = m.resultSerializeSeconds() / slots;
        double tasks = compute + deserialisation + resultSerialisation;
        double fit = tasks > wall ? wall / tasks : 1;
        return new TimeParts(family, compute * fit, deserialisation * fit, resultSerialisation * fit,
                Math.max(0, wall - tasks * fit));
    }

    /**
     * How many tasks could run at once: the master's slots, but no more than a job's tasks (a
     * two-task job on eight cores fills two); the tasks per job alone when the master does not say.
     */
    static double slotsInUse(SparkMetrics m, int timedRuns, OptionalInt masterSlots) {
        double jobs = m.jobIds().size() / (double) timedRuns;
        double tasksPerJob = jobs > 0 ? m.tasks() / jobs : Double.POSITIVE_INFINITY;
        double slots = Math.min(masterSlots.isPresent() ? masterSlots.getAsInt() : Double.POSITIVE_INFINITY, tasksPerJob);
        return Double.isInfinite(slots) ? 1 : Math.max(1, slots);
    }

    /** The seconds of {@code part}. */
    public double seconds(Part part) {
        return switch (part) {
            case COMPUTE -> compute;
            case DESERIALISATION -> deserialisation;
            case RESULT_SERIALISATION -> resultSerialisation;
            case REST -> rest;
        };
    }

    /** All the parts: the median wall time. */
    public double total() {
        return compute + deserialisation + resultSerialisation + rest;
    }
}
