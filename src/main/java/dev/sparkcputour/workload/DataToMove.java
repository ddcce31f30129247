package dev.sparkcputour.workload;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one iteration of a workload moves through Spark, for {@code overhead} to time with no
 * arithmetic: an array every task reads, how many tasks read it, and each task's result shape.
 *
 * @param what   the array in a few words, for the table ({@code "3000×3000 image"})
 * @param shared the array itself, at the workload's tutorial size
 * @param tasks  the tasks of one iteration
 * @param result the shape of each task's result
 */
public record DataToMove(String what, INDArray shared, int tasks, long[] result) {
}
