package dev.sparkcputour.inference;

import dev.sparkcputour.workload.Scale;

/**
 * The inference workload's sizes at one scale: images in the data set, the last {@code testImages}
 * of them classified by every task, the hidden layer's width, the rounds.
 */
record InferenceSizes(int images, int testImages, int hidden, int rounds) {

    /** For tests: a 784-64-10 network and 1,200 images, well under a second per strategy. */
    static final InferenceSizes TINY = new InferenceSizes(1_200, 200, 64, 2);
    /** The blog's: MNIST's 70,000 images, its 10,000 test images, a 784-512-10 network, ten rounds. */
    static final InferenceSizes TUTORIAL = new InferenceSizes(70_000, 10_000, 512, 10);
    /** A four times wider hidden layer: the batches grow, the images to decode do not. */
    static final InferenceSizes LARGE = new InferenceSizes(70_000, 10_000, 2_048, 10);

    static InferenceSizes of(Scale scale) {
        return switch (scale) {
            case TINY -> TINY;
            case TUTORIAL -> TUTORIAL;
            case LARGE -> LARGE;
        };
    }
}
