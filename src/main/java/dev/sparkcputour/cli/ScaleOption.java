package dev.sparkcputour.cli;

import dev.sparkcputour.workload.Scale;
import dev.sparkcputour.workload.Usage;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --scale}: the workloads' named sizes, shared by every workload command. */
public final class ScaleOption {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    private Scale scale = Scale.TUTORIAL;

    @Option(names = "--scale", paramLabel = "NAME",
            description = "Named sizes: tiny (for tests), tutorial (the tutorial's) or large; size options given"
                    + " explicitly override them (default: tutorial).")
    void setScale(String name) {
        scale = Usage.choose(spec, "--scale", () -> Scale.byName(name));
    }

    Scale scale() {
        return scale;
    }
}
