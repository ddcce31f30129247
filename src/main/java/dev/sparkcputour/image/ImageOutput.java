package dev.sparkcputour.image;

import dev.sparkcputour.io.ImageFiles;
import dev.sparkcputour.io.NpyFormat;
import dev.sparkcputour.report.AtomicFiles;
import dev.sparkcputour.workload.Usage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code image --output}: the first strategy's last results, kept as a .npy with a PNG beside it. */
final class ImageOutput {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    private Path output;
    private final AtomicReference<List<INDArray>> lastResults = new AtomicReference<>();

    @Option(names = "--output", paramLabel = "OUT.npy",
            description = "Write the last iteration's results as one k×h×w .npy (and a PNG of the first next to it).")
    void setOutput(Path file) {
        output = Usage.writableFile(spec, "--output", file);
        Usage.writableFile(spec, "--output", pngBeside(file));
    }

    /** Keeps the first results offered when there is an output to write (every strategy's are equal, or the run fails). */
    boolean keep(List<INDArray> results) {
        return output != null && lastResults.compareAndSet(null, results);
    }

    /** The last iteration's results as one k×h×w .npy, and the first filter's result as a PNG beside it. */
    void write(PrintWriter err) throws IOException {
        List<INDArray> results = lastResults.get();
        if (output == null || results == null) {
            return;
        }
        INDArray stack = Nd4j.stack(0, results.toArray(INDArray[]::new));
        AtomicFiles.write(output, out -> NpyFormat.write(stack, out));
        Path png = pngBeside(output);
        AtomicFiles.write(png, out -> ImageFiles.writePng(results.get(0), out));
        err.println("results written to " + output + " and " + png);
    }

    /** OUT.png beside OUT.npy. */
    private static Path pngBeside(Path npy) {
        String name = npy.getFileName().toString();
        return npy.resolveSibling((name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name) + ".png");
    }
}
