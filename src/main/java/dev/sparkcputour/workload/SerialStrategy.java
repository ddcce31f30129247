package dev.sparkcputour.workload;

/** A workload's one-core reference, the row every other is compared with: named {@code serial}, never swept. */
public interface SerialStrategy extends Strategy {

    @Override
    default String name() {
        return "serial";
    }

    @Override
    default boolean scalesWithCores() {
        return false;
    }
}
