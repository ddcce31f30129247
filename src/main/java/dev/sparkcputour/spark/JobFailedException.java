package dev.sparkcputour.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark job that failed for good, told in one line: which job, which stage, how many attempts,
 * and the last task's error, instead of Spark's message with the executor's stack trace in it.
 */
public final class JobFailedException extends RuntimeException {

    private static final Pattern STAGE_FAILURE = Pattern.compile(
            "Task (\\S+) in stage (\\S+) failed (\\d+) times?, most recent failure: Lost task .*?\\) \\(.*?\\): (.*)");

    private JobFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The failure of the job labelled {@code label}, from Spark's exception. */
    static JobFailedException of(JobLabel label, Exception spark) {
        String first = firstLine(spark.getMessage() == null ? spark.toString() : spark.getMessage());
        Matcher m = STAGE_FAILURE.matcher(first);
        if (!m.find()) {
            return new JobFailedException("job '" + label.description() + "' failed: " + first, spark);
        }
        int attempts = Integer.parseInt(m.group(3));
        String retries = attempts == 1
                ? " (no retries: use local[N,maxFailures] or spark.task.maxFailures)"
                : "";
        return new JobFailedException("stage " + m.group(2) + " of job '" + label.description() + "' failed: task "
                + m.group(1) + " failed " + attempts + (attempts == 1 ? " time" : " times") + retries
                + "; last error: " + m.group(4), spark);
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
