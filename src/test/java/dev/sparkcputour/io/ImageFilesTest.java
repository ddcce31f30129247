package dev.sparkcputour.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ImageFilesTest {

    private static final double LEVEL = 1.0 / 255;

    @TempDir
    Path dir;

    @Test
    void pngRoundTripScalesMinToZeroAndMaxToOne() throws IOException {
        Random random = new Random(5);
        double[] data = new double[17 * 23];
        for (int i = 0; i < data.length; i++) {
            data[i] = -3 + 8 * random.nextDouble();
        }
        double min = Arrays.stream(data).min().orElseThrow();
        double max = Arrays.stream(data).max().orElseThrow();
        INDArray back = ImageFiles.readGrayscale(writePng(Nd4j.create(data, new long[] {17, 23}, DataType.DOUBLE)));
        assertArrayEquals(new long[] {17, 23}, back.shape());
        assertEquals(DataType.DOUBLE, back.dataType());
        double[] read = back.dup('c').data().asDouble();
        for (int i = 0; i < data.length; i++) {
            assertEquals((data[i] - min) / (max - min), read[i], LEVEL, "pixel " + i);
        }
        assertEquals(0.0, back.minNumber().doubleValue());
        assertEquals(1.0, back.maxNumber().doubleValue());
    }

    @Test
    void aConstantMatrixIsBlack() throws IOException {
        INDArray back = ImageFiles.readGrayscale(writePng(Nd4j.valueArrayOf(new long[] {4, 5}, 3.5, DataType.DOUBLE)));
        assertEquals(0.0, back.maxNumber().doubleValue());
    }

    @Test
    void writePngNeedsAFinite2dMatrix() {
        OutputStream sink = OutputStream.nullOutputStream();
        assertThrows(IllegalArgumentException.class,
            () -> ImageFiles.writePng(Nd4j.zeros(DataType.DOUBLE, 2, 2, 2), sink));
        INDArray withNaN = Nd4j.create(new double[] {0, Double.NaN}, new long[] {1, 2}, DataType.DOUBLE);
        assertThrows(IllegalArgumentException.class, () -> ImageFiles.writePng(withNaN, sink));
    }

    @Test
    void reads8BitGray() throws IOException {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSamples(0, 0, 2, 2, 0, new int[] {0, 51, 128, 255});
        assertPixels(image, "png", 0, 0.2, 128 / 255.0, 1);
    }

    @Test
    void reads16BitGrayWithoutLosingPrecision() throws IOException {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSamples(0, 0, 2, 2, 0, new int[] {0, 1000, 32768, 65535});
        assertPixels(image, "png", 0, 1000 / 65535.0, 32768 / 65535.0, 1);
    }

    @Test
    void readsRgbAsBt601Luma() throws IOException {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 2, 2, new int[] {0xFF0000, 0x00FF00, 0x0000FF, 0x0A141E}, 0, 2);
        assertPixels(image, "png", 0.299, 0.587, 0.114, (0.299 * 10 + 0.587 * 20 + 0.114 * 30) / 255);
    }

    @Test
    void ignoresAlpha() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 2, 1, new int[] {0x00FFFFFF, 0x80000000}, 0, 2);
        assertPixels(image, "png", 1, 0);
    }

    @Test
    void readsAConstantJpegToAboutItsLuma() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[16 * 16];
        Arrays.fill(pixels, 200 << 16 | 100 << 8 | 50);
        image.setRGB(0, 0, 16, 16, pixels, 0, 16);
        Path file = dir.resolve("photo.jpg");
        assertTrue(ImageIO.write(image, "jpeg", file.toFile()));
        double luma = (0.299 * 200 + 0.587 * 100 + 0.114 * 50) / 255;
        for (double v : ImageFiles.readGrayscale(file).dup('c').data().asDouble()) {
            assertEquals(luma, v, 0.02);
        }
    }

    @Test
    void rejectsTruncatedEmptyAndTextFilesNamingThem() throws IOException {
        byte[] png = Files.readAllBytes(writePng(Nd4j.rand(DataType.DOUBLE, 8, 8)));
        assertNotAnImage(Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, 40)));
        assertNotAnImage(Files.write(dir.resolve("empty.png"), new byte[0]));
        assertNotAnImage(Files.writeString(dir.resolve("notes.png"), "not a picture\n", StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileIsAnIoErrorNotABadImage() {
        IOException e = assertThrows(IOException.class, () -> ImageFiles.readGrayscale(dir.resolve("none.png")));
        assertFalse(e instanceof ImageFiles.BadImageException, e.toString());
    }

    private void assertNotAnImage(Path file) {
        var e = assertThrows(ImageFiles.BadImageException.class, () -> ImageFiles.readGrayscale(file));
        assertEquals(file + ": not a readable PNG or JPEG image", e.getMessage());
    }

    /** Writes {@code image} in {@code format}, reads it back and compares the pixels in row order. */
    private void assertPixels(BufferedImage image, String format, double... expected) throws IOException {
        Path file = dir.resolve("known." + format);
        assertTrue(ImageIO.write(image, format, file.toFile()));
        INDArray read = ImageFiles.readGrayscale(file);
        assertArrayEquals(new long[] {image.getHeight(), image.getWidth()}, read.shape());
        assertArrayEquals(expected, read.dup('c').data().asDouble(), 1e-12);
    }

    private Path writePng(INDArray matrix) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageFiles.writePng(matrix, out);
        return Files.write(dir.resolve("written.png"), out.toByteArray());
    }
}
