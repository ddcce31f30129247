package dev.sparkcputour.spark;

/**
 * What the Spark UI shows for a job: its group (one per strategy run), a description (the Jobs
 * page) and a call site (the stage names, instead of {@code reduce at SparkPrimes.java:42}).
 */
public record JobLabel(String group, String description, String callSite) {
}
