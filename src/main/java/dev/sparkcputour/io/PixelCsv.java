package dev.sparkcputour.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A data set of small 8-bit grayscale images as text, one image a line: its pixels row-major as
 * decimal numbers 0 to 255 separated by commas, the layout of the widely shared "MNIST in CSV"
 * files (without their label column). Pixels travel as one byte array, image after image.
 */
public final class PixelCsv {

    /** A line that is not {@code pixels} numbers from 0 to 255. */
    public static final class BadCsvException extends IOException {
        private static final long serialVersionUID = 1L;

        BadCsvException(Path file, long line, String problem) {
            super(file + ": line " + line + ": " + problem);
        }
    }

    private PixelCsv() {
    }

    /** Writes {@code pixels.length / perImage} lines to {@code out}. */
    public static void write(byte[] pixels, int perImage, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(4 * perImage);
        for (int start = 0; start < pixels.length; start += perImage) {
            line.setLength(0);
            for (int i = start; i < start + perImage; i++) {
                line.append(i == start ? "" : ",").append(pixels[i] & 0xFF);
            }
            out.append(line).append('\n');
        }
    }

    /**
     * Reads every line of {@code file} as one image of {@code perImage} pixels, as the usual code
     * for these files does: a line at a time, split at the commas, each field parsed as an int.
     *
     * @throws BadCsvException if a line has another number of fields, or a field is no pixel value
     */
    public static byte[] read(Path file, int perImage) throws IOException {
        java.io.ByteArrayOutputStream pixels = new java.io.ByteArrayOutputStream();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            byte[] image = new byte[perImage];
            long number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String[] fields = line.split(",", -1);
                if (fields.length != perImage) {
                    throw new BadCsvException(file, number, fields.length + " fields, expected " + perImage);
                }
                for (int i = 0; i < perImage; i++) {
                    image[i] = (byte) pixel(fields[i], file, number);
                }
                pixels.write(image);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadCsvException(file, 0, "not ASCII text");
        }
        return pixels.toByteArray();
    }

    private static int pixel(String field, Path file, long line) throws BadCsvException {
        try {
            int value = Integer.parseInt(field);
            if (value >= 0 && value <= 255) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadCsvException(file, line, "'" + field + "' is not a pixel value from 0 to 255");
    }
}
