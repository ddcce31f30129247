package dev.sparkcputour.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pixel CSV: every byte back in order, and every bad line refused with its number. */
class PixelCsvTest {

    @TempDir
    Path dir;

    @Test
    void readsBackEveryPixelInOrder() throws IOException {
        byte[] pixels = new byte[7 * 15];
        new Random(3).nextBytes(pixels);
        StringWriter text = new StringWriter();
        PixelCsv.write(pixels, 15, text);
        Path file = Files.writeString(dir.resolve("seven.csv"), text.toString());
        assertEquals(7, Files.readAllLines(file).size());
        assertArrayEquals(pixels, PixelCsv.read(file, 15));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1,2,3;4,5|line 2: 2 fields, expected 3",
        "1,2,3;4,5,256|line 2: '256' is not a pixel value from 0 to 255",
        "1,-2,3|line 1: '-2' is not a pixel value",
        "1,x,3|line 1: 'x' is not a pixel value",
        "1,2,3,|line 1: 4 fields, expected 3"})
    void refusesABadLine(String text, String problem) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), text.replace(';', '\n')); // one line per ;
        IOException e = assertThrows(PixelCsv.BadCsvException.class, () -> PixelCsv.read(file, 3));
        assertTrue(e.getMessage().startsWith(file + ": " + problem), e.getMessage());
    }
}
