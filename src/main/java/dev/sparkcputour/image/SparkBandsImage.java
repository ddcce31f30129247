package dev.sparkcputour.image;

import dev.sparkcputour.kernel.BandConvolution;
import dev.sparkcputour.kernel.Convolution;
import dev.sparkcputour.kernel.ResultArrays;
import dev.sparkcputour.spark.ShippedArray;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.MemoryNeed;
import dev.sparkcputour.workload.SparkStrategy;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The output rows cut into bands, each task's data one band of image rows (only the rows its
 * outputs read) with every filter in the closure: each pixel is serialised into about one task per
 * iteration and deserialised by it, nothing is broadcast, and results come back as bands. The
 * image copy counter stays at zero: no task holds the image, and the bands' bytes are the image's.
 */
public final class SparkBandsImage implements ImageStrategy, SparkStrategy {

    /** One task's data: its output rows, and the image rows they read, from image row {@code row0} on. */
    record Band(Bands.Rows rows, int row0, ShippedArray image) implements Serializable {
    }

    @Override
    public String name() {
        return "spark-bands";
    }

    @Override
    public boolean supports(Convolution kernel) {
        return Bands.supports(kernel);
    }

    @Override
    public Map<String, Object> describe(ImageInputs inputs, ImageParams params) {
        return Bands.describe(ImageStrategy.super.describe(inputs, params));
    }

    /**
     * The running tasks' bands (together about one image) serialised on the driver, the stream that
     * grew to hold them, and their copies in the tasks; every band's results before assembly.
     */
    @Override
    public MemoryNeed memoryNeed(long imageBytes, long resultBytes, int concurrentTasks) {
        return ImageStrategy.base(imageBytes, resultBytes).plus(resultBytes + 3L * imageBytes, 2L * imageBytes + resultBytes);
    }

    @Override
    public List<INDArray> convolveAll(ImageJob job, SparkHandle spark) {
        BandConvolution kernel = Bands.kernel(job);
        List<ShippedArray[]> parts = spark.run(job.label(name(), "image bands in each task's data"), sc -> {
            List<Band> bands = Bands.cut(kernel.outputHeight(), sc.defaultParallelism()).stream()
                    .map(rows -> band(job.image(), kernel, rows))
                    .toList();
            return spark.faults().inject(sc.parallelize(bands, bands.size()))
                    .map(band -> {
                        List<INDArray> out = Bands.blanks(kernel, band.rows().count());
                        kernel.convolve(band.image().array(), band.row0(), band.rows().from(), band.rows().to(), out,
                                band.rows().from());
                        ResultArrays.recycle(band.image().array()); // the task's own copy, for the next iteration's
                        return Shipping.ship(out).toArray(ShippedArray[]::new); // an array: Kryo knows it, not List.of's classes
                    })
                    .collect();
        });
        return assemble(kernel, parts);
    }

    private static Band band(INDArray image, BandConvolution kernel, Bands.Rows rows) {
        int first = kernel.firstRow(rows.from());
        int end = kernel.endRow(rows.to());
        return new Band(rows, first, ShippedArray.of(image.get(NDArrayIndex.interval(first, end), NDArrayIndex.all())));
    }

    /**
     * Each filter's result, its bands copied in one after another (collect keeps the bands' order).
     * The bands are handed back as soon as they are copied, for the next iteration's to land in
     * memory already mapped (see {@link ResultArrays}).
     */
    private static List<INDArray> assemble(BandConvolution kernel, List<ShippedArray[]> parts) {
        List<INDArray> results = Bands.blanks(kernel, kernel.outputHeight());
        int from = 0;
        for (ShippedArray[] part : parts) {
            int to = from + (int) part[0].array().size(0);
            for (int f = 0; f < kernel.filters(); f++) {
                INDArray band = part[f].array();
                results.get(f).get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(band);
                ResultArrays.recycle(band);
            }
            from = to;
        }
        return results;
    }
}
