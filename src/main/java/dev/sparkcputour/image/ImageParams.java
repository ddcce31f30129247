package dev.sparkcputour.image;

import dev.sparkcputour.kernel.Convolution;

/**
 * How to run the image workload: {@code iterations} rounds of convolving the image with every
 * filter, sampled every {@code stride} pixels, by {@code kernel}, on {@code threads} threads
 * for the thread pool.
 */
public record ImageParams(int iterations, int stride, Convolution kernel, int threads) {

    public ImageParams {
        if (iterations < 1 || stride < 1 || threads < 1) {
            throw new IllegalArgumentException("iterations, stride and threads must be >= 1");
        }
    }
}
