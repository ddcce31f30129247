package dev.sparkcputour.io;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Grayscale images as H×W DOUBLE arrays in [0, 1]: reads PNG and JPEG through {@link ImageIO}, writes 8-bit
 * grayscale PNG. Streams are used directly, so ImageIO never spills to a temporary cache file.
 */
public final class ImageFiles {

    /** A file that is not a PNG or JPEG ImageIO can decode: another format, corrupt or truncated. */
    public static final class BadImageException extends IOException {
        private static final long serialVersionUID = 1L;

        BadImageException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** ImageIO also decodes GIF, BMP and WBMP; accepting only these keeps the error message true. */
    private static final Set<String> FORMATS = Set.of("png", "jpeg");

    private ImageFiles() {
    }

    /**
     * Reads {@code file} as H×W values in [0, 1]. Gray images (8- or 16-bit) give sample / (2^bits − 1);
     * colour images give BT.601 luma 0.299 R + 0.587 G + 0.114 B of their sRGB values, over 255. Alpha
     * is ignored.
     *
     * @throws BadImageException if the file exists but is not a decodable image
     */
    public static INDArray readGrayscale(Path file) throws IOException {
        BufferedImage image;
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            image = decode(in, file);
        }
        if (image == null) {
            throw notAnImage(file, null);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        double[] gray = new double[w * h];
        ColorModel model = image.getColorModel();
        if (model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(model instanceof IndexColorModel)) {
            // the raw samples: getRGB would push linear gray through a gamma curve and quantise 16 bits to 8
            Raster raster = image.getRaster();
            double max = (1 << model.getComponentSize(0)) - 1;
            int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            for (int i = 0; i < samples.length; i++) {
                gray[i] = samples[i] / max;
            }
        } else {
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < argb.length; i++) {
                int p = argb[i];
                gray[i] = (0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF)) / 255;
            }
        }
        return Nd4j.create(gray, new long[] {h, w}, DataType.DOUBLE);
    }

    /**
     * Writes the 2-D {@code matrix} to {@code out} as an 8-bit grayscale PNG, its minimum black and its
     * maximum white (a constant matrix is all black). {@code out} is not closed.
     *
     * @throws IllegalArgumentException if the matrix is not 2-D or holds NaN or an infinity
     */
    public static void writePng(INDArray matrix, OutputStream out) throws IOException {
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException("a PNG needs a 2-D matrix, not rank " + matrix.rank());
        }
        double[][] rows = matrix.toDoubleMatrix();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : rows) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("a PNG cannot show " + v);
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double scale = max > min ? 255 / (max - min) : 0;
        int h = rows.length;
        int w = rows.length == 0 ? 0 : rows[0].length;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = (byte) Math.round((rows[y][x] - min) * scale);
            }
        }
        // closing this stream flushes its cache into out but leaves out open
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageIO.write(image, "png", stream);
        }
    }

    /** The first image of a PNG or JPEG stream, or null if the stream is neither. */
    private static BufferedImage decode(ImageInputStream in, Path file) throws BadImageException {
        try {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.hasNext() ? readers.next() : null;
            if (reader == null || !FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                return null;
            }
            try {
                reader.setInput(in, true, true);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // decoders report corrupt data with IIOException, EOFException or unchecked exceptions
            throw notAnImage(file, e);
        }
    }

    private static BadImageException notAnImage(Path file, Throwable cause) {
        return new BadImageException(file + ": not a readable PNG or JPEG image", cause);
    }
}
