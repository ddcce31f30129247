package dev.sparkcputour.results;

import java.util.List;

/**
 * What Spark spent on one strategy run, summed over its tasks: the listener's view of where
 * the time went. Times in seconds, sizes in bytes.
 *
 * @param tasks                    task attempts that ended, failed ones included
 * @param failedTasks              task attempts that failed (and were retried, or failed the job)
 * @param deserializeSeconds       deserialising task closures and task data on executors
 * @param runSeconds               executor run time, deserialisation excluded
 * @param resultSerializeSeconds   serialising task results on executors
 * @param gcSeconds                JVM garbage collection during tasks
 * @param resultBytes              serialised task results sent back to the driver
 * @param broadcastBytes           broadcast pieces stored, task binaries (closures) included
 * @param imageCopies              deserialisations of the image inside tasks
 * @param jobIds                   the Spark jobs, to find them in the UI or a History Server
 */
public record SparkMetrics(long tasks, long failedTasks, double deserializeSeconds, double runSeconds, double resultSerializeSeconds,
                           double gcSeconds, long resultBytes, long broadcastBytes, long imageCopies,
                           List<Integer> jobIds) {

    public static final SparkMetrics NONE = new SparkMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());

    public SparkMetrics {
        jobIds = List.copyOf(jobIds);
    }

    /** The mean of several runs' metrics (counts and sizes rounded), with all their jobs. */
    public static SparkMetrics mean(List<SparkMetrics> runs) {
        int n = runs.size();
        if (n == 0) {
            return NONE;
        }
        return new SparkMetrics(
                Math.round(runs.stream().mapToLong(SparkMetrics::tasks).sum() / (double) n),
                Math.round(runs.stream().mapToLong(SparkMetrics::failedTasks).sum() / (double) n),
                runs.stream().mapToDouble(SparkMetrics::deserializeSeconds).sum() / n,
                runs.stream().mapToDouble(SparkMetrics::runSeconds).sum() / n,
                runs.stream().mapToDouble(SparkMetrics::resultSerializeSeconds).sum() / n,
                runs.stream().mapToDouble(SparkMetrics::gcSeconds).sum() / n,
                Math.round(runs.stream().mapToLong(SparkMetrics::resultBytes).sum() / (double) n),
                Math.round(runs.stream().mapToLong(SparkMetrics::broadcastBytes).sum() / (double) n),
                Math.round(runs.stream().mapToLong(SparkMetrics::imageCopies).sum() / (double) n),
                runs.stream().flatMap(m -> m.jobIds().stream()).toList());
    }

    /** What happened between {@code before} and this snapshot. */
    public SparkMetrics minus(SparkMetrics before) {
        return new SparkMetrics(tasks - before.tasks, failedTasks - before.failedTasks, deserializeSeconds - before.deserializeSeconds,
                runSeconds - before.runSeconds, resultSerializeSeconds - before.resultSerializeSeconds,
                gcSeconds - before.gcSeconds, resultBytes - before.resultBytes,
                broadcastBytes - before.broadcastBytes, imageCopies - before.imageCopies,
                jobIds.subList(before.jobIds.size(), jobIds.size()));
    }
}
