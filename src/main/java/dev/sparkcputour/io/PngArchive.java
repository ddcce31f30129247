package dev.sparkcputour.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A data set of small 8-bit grayscale images as one zip of PNG entries, in the order written (the
 * shape in which MNIST is often passed around as PNGs). Pixels travel as one byte array, image
 * after image, row-major.
 */
public final class PngArchive {

    /** An archive that is no zip of h×w 8-bit grayscale PNGs. */
    public static final class BadArchiveException extends IOException {
        private static final long serialVersionUID = 1L;

        BadArchiveException(String message) {
            super(message);
        }
    }

    private PngArchive() {
    }

    /** Writes {@code pixels.length / (height × width)} images to {@code out} as PNG entries {@code 000000.png}, ... */
    public static void write(byte[] pixels, int height, int width, OutputStream out) throws IOException {
        int size = height * width;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(out);
        for (int i = 0; i * size < pixels.length; i++) {
            image.getRaster().setDataElements(0, 0, width, height, java.util.Arrays.copyOfRange(pixels, i * size, (i + 1) * size));
            png.reset();
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(png)) { // never a cache file per image
                if (!ImageIO.write(image, "png", stream)) {
                    throw new IOException("no PNG writer in this JVM");
                }
            }
            zip.putNextEntry(new ZipEntry(String.format(Locale.ROOT, "%06d.png", i)));
            png.writeTo(zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    /**
     * Decodes every entry of {@code file}, in archive order, as an h×w 8-bit grayscale PNG; one
     * PNG reader is reused, and ImageIO never spills to a cache file.
     *
     * @throws BadArchiveException if it is not a zip, or an entry is not such a PNG
     */
    public static byte[] read(Path file, int height, int width) throws IOException {
        int size = height * width;
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (ZipFile zip = open(file)) {
            byte[] pixels = new byte[Math.multiplyExact(zip.size(), size)];
            Enumeration<? extends ZipEntry> entries = zip.entries();
            for (int i = 0; entries.hasMoreElements(); i++) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                Raster raster = decode(reader, bytes, file, entry).getRaster();
                if (raster.getWidth() != width || raster.getHeight() != height || raster.getNumBands() != 1
                        || raster.getTransferType() != DataBuffer.TYPE_BYTE) {
                    throw new BadArchiveException(file + ": " + entry.getName() + " is not a " + height + "×" + width
                            + " 8-bit grayscale image");
                }
                System.arraycopy((byte[]) raster.getDataElements(0, 0, width, height, null), 0, pixels, i * size, size);
            }
            return pixels;
        } finally {
            reader.dispose();
        }
    }

    private static ZipFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        try {
            return new ZipFile(file.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new BadArchiveException(file + ": not a zip archive (" + e.getMessage() + ")");
        }
    }

    private static BufferedImage decode(ImageReader reader, byte[] png, Path file, ZipEntry entry) throws IOException {
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in, true, true);
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw new BadArchiveException(file + ": " + entry.getName() + " is not a PNG (" + e.getMessage() + ")");
        }
    }
}
