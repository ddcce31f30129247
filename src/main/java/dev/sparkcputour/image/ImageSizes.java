package dev.sparkcputour.image;

import dev.sparkcputour.workload.Scale;

/** The image workload's sizes at one scale: an N×N image, its filters, its rounds. */
public record ImageSizes(int side, int filters, int iterations) {

    /** For tests: well under a second for every strategy. */
    public static final ImageSizes TINY = new ImageSizes(ImageOptions.TINY_SIDE, ImageOptions.TUTORIAL_FILTERS,
            ImageOptions.TINY_ITERATIONS);
    /** The tutorial's: a 3000×3000 image, ten filters (its {@code cpu_count}), ten rounds. */
    public static final ImageSizes TUTORIAL = new ImageSizes(ImageOptions.TUTORIAL_SIDE,
            ImageOptions.TUTORIAL_FILTERS, ImageOptions.TUTORIAL_ITERATIONS);
    /** Four times the pixels: 288 MB a copy, within the 4 GB driver heap for every strategy. */
    public static final ImageSizes LARGE = new ImageSizes(ImageOptions.LARGE_SIDE,
            ImageOptions.TUTORIAL_FILTERS, ImageOptions.TUTORIAL_ITERATIONS);

    public static ImageSizes of(Scale scale) {
        return switch (scale) {
            case TINY -> TINY;
            case TUTORIAL -> TUTORIAL;
            case LARGE -> LARGE;
        };
    }
}
