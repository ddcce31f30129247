package dev.sparkcputour.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The image and the filters every strategy convolves, loaded or drawn once before any timing,
 * with where they came from (for the results).
 */
public record ImageInputs(INDArray image, List<INDArray> filters, String imageSource, String filterSource) {

    public ImageInputs {
        if (image.rank() != 2) {
            throw new IllegalArgumentException("the image must be 2-D, got rank " + image.rank());
        }
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("at least one filter is needed");
        }
        filters = List.copyOf(filters);
    }

    /** Splits a k×h×w stack into its k filters (each a C-ordered h×w copy). */
    public static List<INDArray> split(INDArray stack) {
        List<INDArray> out = new ArrayList<>();
        for (long i = 0; i < stack.size(0); i++) {
            out.add(stack.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.all()).dup('c'));
        }
        return out;
    }

    public long height() {
        return image.size(0);
    }

    public long width() {
        return image.size(1);
    }

    /** "3000×3000", for labels. */
    public String size() {
        return height() + "×" + width();
    }

    /** The settings that identify a run (JSON {@code params}), in a stable order. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("height", height());
        out.put("width", width());
        out.put("filters", filters.size());
        out.put("filter_height", filters.get(0).size(0));
        out.put("filter_width", filters.get(0).size(1));
        out.put("image", imageSource);
        out.put("filter_source", filterSource);
        return out;
    }
}
