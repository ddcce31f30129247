package dev.sparkcputour.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The per-executor holder, Spark's stand-in for a Ray actor: one model per executor JVM, built by
 * the first task that asks for its key while later tasks wait for it, then shared by every task of
 * the JVM. Keys name the model's source and the run, so every run pays its own initialisation; a
 * new key replaces the old model, which the garbage collector frees once no task holds it.
 */
final class ExecutorModels {

    /** What a model is built from: its source (or broadcast) and the run that asked for it. */
    record Key(Object source, String run) implements java.io.Serializable {
    }

    /** Builds a model; counted by the caller where the building happens. */
    interface Builder {
        Model build() throws IOException;
    }

    private static Key key;
    private static Model model;

    private ExecutorModels() {
    }

    /** The model of {@code wanted}, built now by {@code builder} if this JVM does not hold it yet. */
    static synchronized Model get(Key wanted, Builder builder) {
        if (!Objects.equals(wanted, key)) {
            key = null;
            model = null; // not closed: a task of an earlier run may still be reading it
            try {
                model = builder.build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot initialise the model: " + e.getMessage(), e);
            }
            key = wanted;
        }
        return model;
    }
}
