package dev.sparkcputour.inference;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * Where a worker initialises from: a model folder ({@link ModelFolder}: the network's description,
 * its weights, the image archive) and how many of the last images are the test set. The path is
 * absolute, so executors read the same files (on a cluster: a folder every node sees), and kept as
 * text, because a {@link Path} is not serialisable.
 */
record ModelSource(String folder, int testImages) implements Serializable {

    static ModelSource of(Path folder, int testImages) {
        return new ModelSource(folder.toAbsolutePath().normalize().toString(), testImages);
    }

    Path path() {
        return Path.of(folder);
    }
}
