package dev.sparkcputour.image;

import dev.sparkcputour.spark.SparkHandle;
import java.util.List;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One task per filter on the run's pool of {@code threads} Java threads, all reading the one image in
 * memory: nothing is copied or serialised. The limit is one machine.
 */
public final class ThreadPoolImage implements ImageStrategy {

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public int poolThreads(ImageParams params) {
        return params.threads();
    }

    @Override
    public List<INDArray> convolveAll(ImageJob job, SparkHandle spark) {
        int stride = job.params().stride();
        List<Callable<INDArray>> tasks = job.filters().stream()
                .<Callable<INDArray>>map(filter -> () -> job.params().kernel().convolve(job.image(), filter, stride))
                .toList();
        return job.pool().invokeAll(tasks);
    }
}
