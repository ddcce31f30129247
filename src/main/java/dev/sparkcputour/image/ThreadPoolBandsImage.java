package dev.sparkcputour.image;

import dev.sparkcputour.kernel.BandConvolution;
import dev.sparkcputour.kernel.Convolution;
import dev.sparkcputour.spark.SparkHandle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One task per band of output rows on the run's pool of {@code threads} Java threads, each computing its
 * rows of every filter with the band kernel: it reads its rows of the one image in memory and
 * writes straight into the results, so nothing is copied or serialised.
 */
public final class ThreadPoolBandsImage implements ImageStrategy {

    @Override
    public String name() {
        return "threads-bands";
    }

    @Override
    public boolean supports(Convolution kernel) {
        return Bands.supports(kernel);
    }

    @Override
    public int poolThreads(ImageParams params) {
        return params.threads();
    }

    @Override
    public Map<String, Object> describe(ImageInputs inputs, ImageParams params) {
        return Bands.describe(ImageStrategy.super.describe(inputs, params));
    }

    @Override
    public List<INDArray> convolveAll(ImageJob job, SparkHandle spark) {
        BandConvolution kernel = Bands.kernel(job);
        List<INDArray> results = Bands.blanks(kernel, kernel.outputHeight());
        List<Callable<Void>> tasks = Bands.cut(kernel.outputHeight(), job.pool().threads()).stream()
                .<Callable<Void>>map(band -> () -> {
                    kernel.convolve(job.image(), 0, band.from(), band.to(), results, 0);
                    return null;
                })
                .toList();
        job.pool().invokeAll(tasks);
        return results;
    }
}
