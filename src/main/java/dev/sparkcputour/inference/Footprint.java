package dev.sparkcputour.inference;

import dev.sparkcputour.workload.MemoryNeed;

/**
 * What one initialisation and one batch hold at their peak, in bytes, and how many of them run at
 * once in this JVM: {@code threads} pool threads, {@code taskSlots} Spark tasks (in local mode;
 * none on a cluster, whose executors are other JVMs). Estimated from the sizes before any file is
 * written or read, so a size that cannot fit is refused instead of dying in an OutOfMemoryError.
 *
 * @param loadHeap     {@link Model#load}: the text's pixels as bytes, the rows of doubles beside
 *                     them, and the one flat copy of the rows that {@code Nd4j.create(double[][])}
 *                     makes before it copies them off the heap: 17 bytes a pixel
 * @param loadOffHeap  the whole data set as one native array, the test rows' copy, the weights
 * @param modelBytes   what an initialised model keeps, and what the broadcast serialises: test rows and weights
 * @param batchHeap    a batch's logits copied to the heap for the argmax
 * @param batchOffHeap a batch's hidden activations and logits
 */
record Footprint(long loadHeap, long loadOffHeap, long modelBytes, long batchHeap, long batchOffHeap,
                 int threads, int taskSlots) {

    static Footprint of(long images, long testImages, long hidden, int workers, int threads, int taskSlots) {
        long pixels = SyntheticMnist.PIXELS;
        long weights = Double.BYTES * (pixels * hidden + hidden + hidden * SyntheticMnist.CLASSES + SyntheticMnist.CLASSES);
        long testRows = Double.BYTES * testImages * pixels;
        long logits = Double.BYTES * testImages * SyntheticMnist.CLASSES;
        return new Footprint(17 * images * pixels, Double.BYTES * images * pixels + testRows + weights,
                testRows + weights, logits, Double.BYTES * testImages * hidden + 2 * logits,
                Math.min(workers, threads), Math.min(workers, taskSlots));
    }

    /** {@code models} initialisations at once, then a batch on each of {@code batches} of them or of one shared model. */
    MemoryNeed loadsThenBatches(int models, int batches) {
        return MemoryNeed.NONE.plus(models * loadHeap + batches * batchHeap, models * loadOffHeap + batches * batchOffHeap);
    }
}
