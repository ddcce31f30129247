package dev.sparkcputour.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG archive: every byte back in order, and every way an archive can be wrong refused with its entry named. */
class PngArchiveTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] pixels, int h, int w) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            PngArchive.write(pixels, h, w, out);
        }
        return file;
    }

    @Test
    void readsBackEveryPixelInOrder() throws IOException {
        byte[] pixels = new byte[7 * 5 * 3];
        new Random(3).nextBytes(pixels);
        assertArrayEquals(pixels, PngArchive.read(write("seven.zip", pixels, 5, 3), 5, 3));
    }

    @Test
    void refusesWhatIsNotAnArchiveOfSuchImages() throws IOException {
        Path text = dir.resolve("text.zip");
        Files.writeString(text, "not a zip");
        assertThrows(PngArchive.BadArchiveException.class, () -> PngArchive.read(text, 5, 3));

        Path other = write("other-size.zip", new byte[2 * 4 * 4], 4, 4);
        IOException e = assertThrows(PngArchive.BadArchiveException.class, () -> PngArchive.read(other, 5, 3));
        assertTrue(e.getMessage().contains("000000.png is not a 5×3 8-bit grayscale image"), e.getMessage());

        Path notPng = dir.resolve("not-png.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(notPng))) {
            zip.putNextEntry(new ZipEntry("000000.png"));
            zip.write("hello".getBytes(StandardCharsets.US_ASCII));
        }
        e = assertThrows(PngArchive.BadArchiveException.class, () -> PngArchive.read(notPng, 5, 3));
        assertTrue(e.getMessage().contains("000000.png is not a PNG"), e.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> PngArchive.read(dir.resolve("none.zip"), 5, 3));
    }
}
