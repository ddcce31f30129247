package dev.sparkcputour.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparkcputour.io.NpyFormat;
import dev.sparkcputour.io.PixelCsv;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A saved model, in a format of our own shaped like a saved Keras one: {@code model.json} lists
 * the layers (Flatten, Dense 512 ReLU, Dropout 0.2, Dense 10 softmax) and names each weight's
 * {@code .npy}; {@code images.csv} holds the 70,000 images as text, one a line; {@code manifest.json}, written
 * last, every file's size. Written once per seed and size, into a staging folder renamed into
 * place, and reused while the manifest holds.
 */
final class ModelFolder {

    static final String CONFIG = "model.json";
    static final String IMAGES = "images.csv";
    private static final String MANIFEST = "manifest.json";
    private static final String FORMAT = "spark-cpu-tour model";
    private static final int VERSION = 2; // 1 kept the images as a zip of PNGs
    private static final double DROPOUT = 0.2;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A model folder that cannot be read as one: a missing file, a bad description, shapes that do not chain. */
    static final class BadModelException extends IOException {
        private static final long serialVersionUID = 1L;

        BadModelException(Path folder, String problem) {
            super(folder + ": " + problem);
        }
    }

    private ModelFolder() {
    }

    /** The folder under {@code dir} for these sizes and seed, written first (once) if missing or invalid. */
    static Path ensure(Path dir, int images, int hidden, long seed, Consumer<String> progress) throws IOException {
        Path folder = dir.resolve(String.format(Locale.ROOT, "mnist-like-%d-784-%d-10-seed%d-v%d",
                images, hidden, seed, VERSION));
        if (valid(folder)) {
            return folder;
        }
        progress.accept(String.format(Locale.ROOT, "writing a 784-%d-10 model and %,d images to %s (once)",
                hidden, images, folder));
        Files.createDirectories(dir);
        Path staging = Files.createTempDirectory(dir, ".writing-");
        try {
            write(staging, images, hidden, seed);
            if (Files.exists(folder)) {
                delete(folder); // an invalid leftover
            }
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            if (!valid(folder)) { // another run wrote it meanwhile; only a bad one is a problem
                throw e;
            }
        } finally {
            if (Files.exists(staging)) {
                delete(staging);
            }
        }
        return folder;
    }

    private static void write(Path folder, int images, int hidden, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed).split(); // the weights' own stream, apart from the images'
        int[] units = {SyntheticMnist.PIXELS, hidden, SyntheticMnist.CLASSES};
        ObjectNode config = JSON.createObjectNode().put("format", FORMAT).put("version", VERSION);
        config.putArray("input").add(SyntheticMnist.SIDE).add(SyntheticMnist.SIDE);
        ArrayNode layers = config.putArray("layers");
        layers.addObject().put("type", "flatten");
        for (int i = 1; i < units.length; i++) {
            String name = "dense_" + i;
            boolean last = i == units.length - 1;
            layers.addObject().put("type", "dense").put("units", units[i]).put("activation", last ? "softmax" : "relu")
                    .put("kernel", name + ".kernel.npy").put("bias", name + ".bias.npy");
            if (!last) {
                layers.addObject().put("type", "dropout").put("rate", DROPOUT);
            }
            npy(folder.resolve(name + ".kernel.npy"), SyntheticMnist.kernel(units[i - 1], units[i], random), units[i - 1], units[i]);
            npy(folder.resolve(name + ".bias.npy"), SyntheticMnist.bias(units[i], random), units[i]);
        }
        Files.writeString(folder.resolve(CONFIG), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
        try (java.io.Writer out = Files.newBufferedWriter(folder.resolve(IMAGES), java.nio.charset.StandardCharsets.US_ASCII)) {
            PixelCsv.write(SyntheticMnist.images(images, seed), SyntheticMnist.PIXELS, out);
        }
        ObjectNode manifest = JSON.createObjectNode();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                manifest.put(file.getFileName().toString(), Files.size(file));
            }
        }
        Files.writeString(folder.resolve(MANIFEST), JSON.writeValueAsString(manifest));
    }

    private static void npy(Path file, double[] values, long... shape) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            NpyFormat.write(Nd4j.create(values, shape, DataType.DOUBLE), out);
        }
    }

    /** Whether every file the manifest lists is there with its size (a folder cut short has no manifest). */
    static boolean valid(Path folder) {
        try {
            JsonNode manifest = JSON.readTree(folder.resolve(MANIFEST).toFile());
            if (!manifest.isObject() || manifest.size() == 0) {
                return false;
            }
            for (var entry : (Iterable<java.util.Map.Entry<String, JsonNode>>) manifest::fields) {
                Path file = folder.resolve(entry.getKey());
                if (!Files.isRegularFile(file) || Files.size(file) != entry.getValue().asLong(-1)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads the network of {@code folder}: parses its description, reads each weight's {@code .npy}
     * into a native DOUBLE array, and checks that the shapes chain from 784 inputs to 10 classes.
     */
    static List<Model.Dense> readLayers(Path folder) throws IOException {
        JsonNode config;
        try {
            config = JSON.readTree(folder.resolve(CONFIG).toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadModelException(folder, CONFIG + " is not JSON: " + e.getOriginalMessage());
        }
        if (!FORMAT.equals(config.path("format").asText()) || config.path("version").asInt() != VERSION) {
            throw new BadModelException(folder, CONFIG + " is not a '" + FORMAT + "' version " + VERSION);
        }
        JsonNode input = config.path("input");
        if (input.size() != 2 || input.get(0).asInt() != SyntheticMnist.SIDE || input.get(1).asInt() != SyntheticMnist.SIDE) {
            throw new BadModelException(folder, "the input must be 28×28, got " + input);
        }
        List<Model.Dense> dense = new ArrayList<>();
        long width = 0;
        for (JsonNode layer : config.path("layers")) {
            String type = layer.path("type").asText();
            switch (type) {
                case "flatten" -> {
                    if (width != 0) {
                        throw new BadModelException(folder, "flatten must come first");
                    }
                    width = SyntheticMnist.PIXELS;
                }
                case "dropout" -> { } // inference passes everything through
                case "dense" -> {
                    if (width == 0) {
                        throw new BadModelException(folder, "a dense layer before flatten");
                    }
                    String activation = layer.path("activation").asText();
                    if (!List.of("relu", "softmax", "linear").contains(activation)) {
                        throw new BadModelException(folder, "unknown activation '" + activation + "'");
                    }
                    long units = layer.path("units").asLong();
                    INDArray kernel = weight(folder, layer.path("kernel").asText(), width, units);
                    INDArray bias = weight(folder, layer.path("bias").asText(), units);
                    dense.add(new Model.Dense(kernel, bias, activation));
                    width = units;
                }
                default -> throw new BadModelException(folder, "unknown layer type '" + type + "'");
            }
        }
        if (dense.isEmpty() || width != SyntheticMnist.CLASSES
                || dense.subList(0, dense.size() - 1).stream().anyMatch(d -> d.activation().equals("softmax"))) {
            throw new BadModelException(folder, "expected dense layers ending in " + SyntheticMnist.CLASSES
                    + " classes, softmax only in the last");
        }
        return dense;
    }

    /** One weight, read from its {@code .npy} beside the description and checked against the shape the layers need. */
    private static INDArray weight(Path folder, String name, long... shape) throws IOException {
        Path file = folder.resolve(name).normalize();
        if (name.isEmpty() || !folder.equals(file.getParent())) {
            throw new BadModelException(folder, "weights must be files beside " + CONFIG + ", got '" + name + "'");
        }
        INDArray array = NpyFormat.read(file, shape.length);
        if (!java.util.Arrays.equals(array.shape(), shape)) {
            throw new BadModelException(folder, name + " has shape " + java.util.Arrays.toString(array.shape())
                    + ", the layers need " + java.util.Arrays.toString(shape));
        }
        return array;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
