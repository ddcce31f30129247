package dev.sparkcputour.image;

import dev.sparkcputour.config.Defaults;
import dev.sparkcputour.kernel.BandConvolution;
import dev.sparkcputour.kernel.Convolution;
import dev.sparkcputour.kernel.ResultArrays;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the band strategies share: the band kernel they always use, the cut of the output rows
 * into bands, the arrays the bands fill, and the rule for the kernel chosen for the others.
 */
final class Bands {

    /** Output rows [from, to) of every filter. */
    record Rows(int from, int to) implements Serializable {
        int count() {
            return to - from;
        }
    }

    private Bands() {
    }

    static BandConvolution kernel(ImageJob job) {
        return new BandConvolution(job.filters(), job.inputs().height(), job.inputs().width(), job.params().stride());
    }

    /**
     * {@code outputRows} cut into {@link Defaults#BANDS_PER_CORE} bands per core, or one band per row
     * when rows are fewer, in order, their sizes differing by at most one.
     */
    static List<Rows> cut(int outputRows, int cores) {
        int bands = Math.max(1, Math.min(outputRows, Defaults.BANDS_PER_CORE * cores));
        List<Rows> out = new ArrayList<>(bands);
        for (int i = 0; i < bands; i++) {
            out.add(new Rows((int) ((long) outputRows * i / bands), (int) ((long) outputRows * (i + 1) / bands)));
        }
        return out;
    }

    /** One uninitialised array per filter of {@code rows} output rows, for the kernel to fill whole. */
    static List<INDArray> blanks(BandConvolution kernel, int rows) {
        return IntStream.range(0, kernel.filters()).mapToObj(f -> blank(kernel, rows)).toList();
    }

    /** One uninitialised array of {@code rows} output rows. */
    static INDArray blank(BandConvolution kernel, int rows) {
        return ResultArrays.uninitialized(rows, kernel.outputWidth());
    }

    /** The band kernel matches only kernels that sum with fma in its tap order, bit for bit. */
    static boolean supports(Convolution kernel) {
        return kernel.fmaInTapOrder();
    }

    /** The settings that differ from the per-filter strategies': the kernel that really ran, and the bands. */
    static Map<String, Object> describe(Map<String, Object> settings) {
        settings.put("kernel", "bands");
        settings.put("bands_per_core", Defaults.BANDS_PER_CORE);
        return settings;
    }
}
