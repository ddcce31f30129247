package dev.sparkcputour.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NpyFormatTest {

    /** f8.npy, f4.npy and f8_big_endian.npy hold np.arange(12).reshape(3, 4) / 7 (see make_golden.py). */
    private static final long[] SHAPE_3X4 = {3, 4};

    @TempDir
    Path dir;

    static Stream<Arguments> shapes() {
        return Stream.of(new long[] {1}, new long[] {7}, new long[] {1, 1}, new long[] {3, 5}, new long[] {13, 1},
            new long[] {1, 9}, new long[] {2, 3, 5}, new long[] {4, 1, 7}, new long[] {5, 6, 1}).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void roundTripsRandomArrays(long[] shape) throws IOException {
        INDArray original = random(shape, 42);
        Path file = write(original, "round.npy");
        INDArray back = NpyFormat.read(file);
        assertEquals(DataType.DOUBLE, back.dataType());
        assertEquals('c', back.ordering());
        assertArrayEquals(shape, back.shape());
        assertArrayEquals(values(original), values(back));
    }

    @Test
    void roundTripsAcrossTheReadChunksExactly() throws IOException {
        INDArray original = random(new long[] {700, 300}, 3);
        assertArrayEquals(values(original), values(NpyFormat.read(write(original, "big.npy"), 2)));
    }

    @Test
    void writesViewsAndOtherDtypesInCOrder() throws IOException {
        INDArray matrix = Nd4j.create(new double[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, DataType.DOUBLE);
        INDArray back = NpyFormat.read(write(matrix.transpose(), "t.npy"));
        assertArrayEquals(new long[] {3, 2}, back.shape());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, values(back));

        INDArray floats = Nd4j.create(new float[] {0.5f, -1.25f}, new long[] {2}, DataType.FLOAT);
        assertArrayEquals(new double[] {0.5, -1.25}, values(NpyFormat.read(write(floats, "f.npy"))));
    }

    @Test
    void writesTheHeaderAsNumPyDoes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyFormat.write(random(new long[] {3, 4}, 1), out);
        byte[] bytes = out.toByteArray();
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLength) % 64, "data starts on a 64-byte boundary");
        assertEquals(10 + headerLength + 12 * 8, bytes.length);
        String header = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }"), header);
        assertTrue(header.endsWith(" \n"), header);
    }

    @Test
    void nd4jReadsWhatWeWrite() throws IOException {
        INDArray original = random(new long[] {4, 6, 5}, 9);
        INDArray theirs = Nd4j.createFromNpyFile(write(original, "interop.npy").toFile());
        assertArrayEquals(original.shape(), theirs.shape());
        assertArrayEquals(values(original), values(theirs));
    }

    @Test
    void readsNumPyFloat64AndFloat32() throws IOException {
        double[] expected = new double[12];
        float[] expectedFloat = new float[12];
        for (int i = 0; i < 12; i++) {
            expected[i] = i / 7.0;
            expectedFloat[i] = (float) expected[i];
        }
        assertGolden("f8.npy", SHAPE_3X4, expected);
        assertGolden("f8_big_endian.npy", SHAPE_3X4, expected);
        double[] widened = new double[12];
        for (int i = 0; i < 12; i++) {
            widened[i] = expectedFloat[i];
        }
        assertGolden("f4.npy", SHAPE_3X4, widened);
    }

    @Test
    void readsNumPyIntegers() throws IOException {
        assertGolden("i4.npy", new long[] {2, 3}, new double[] {-3, 0, 7, 2147483647, -2147483648, 1});
        assertGolden("u1.npy", new long[] {2, 2}, new double[] {0, 255, 128, 1});
    }

    @Test
    void readsNumPyFortranOrderIntoCOrder() throws IOException {
        // np.asfortranarray(np.arange(12).reshape(3, 4) * 1.5): element (r, c) is (4r + c) * 1.5
        double[] expected = new double[12];
        for (int i = 0; i < 12; i++) {
            expected[i] = i * 1.5;
        }
        INDArray array = assertGolden("f8_fortran.npy", SHAPE_3X4, expected);
        assertEquals(7 * 1.5, array.getDouble(1, 3));
    }

    @Test
    void readsEveryIntegerWidthAndByteOrderAcrossChunks() throws IOException {
        // 600 000 elements cross several 1 MB read chunks for every width
        int n = 600_000;
        ByteBuffer u2 = ByteBuffer.allocate(n * 2).order(ByteOrder.BIG_ENDIAN);
        ByteBuffer i8 = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            u2.putShort((short) (65535 - i % 65536));
            i8.putLong(i % 2 == 0 ? -i : (long) i << 32);
        }
        INDArray a = NpyFormat.read(file("u2.npy", npy(1, "{'descr': '>u2', 'fortran_order': False, 'shape': (600000,), }",
            u2.array())));
        INDArray b = NpyFormat.read(file("i8.npy", npy(2, "{'descr': '=i8', 'fortran_order': False, 'shape': (1000, 600), }",
            i8.array())));
        for (int i = 0; i < n; i += 997) {
            assertEquals(65535 - i % 65536, a.getDouble(i));
            assertEquals(i % 2 == 0 ? -i : (double) ((long) i << 32), b.getDouble(i / 600, i % 600));
        }
    }

    @Test
    void readsTheSmallestAndLargestValuesOfEachType() throws IOException {
        byte[] i1 = {-128, 127};
        assertArrayEquals(new double[] {-128, 127}, values(NpyFormat.read(file("i1.npy",
            npy(1, "{'descr': '|i1', 'fortran_order': False, 'shape': (2,), }", i1)))));
        byte[] u4 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-1).putInt(7).array();
        assertArrayEquals(new double[] {4294967295.0, 7}, values(NpyFormat.read(file("u4.npy",
            npy(3, "{'descr': '<u4', 'fortran_order': False, 'shape': (2,), }", u4)))));
        byte[] u8 = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN).putLong(-1).putLong(1L << 63).array();
        assertArrayEquals(new double[] {18446744073709551615.0, 9223372036854775808.0}, values(NpyFormat.read(
            file("u8.npy", npy(1, "{'descr': '>u8', 'fortran_order': False, 'shape': (2,), }", u8)))));
        byte[] i2 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort(Short.MIN_VALUE)
            .putShort(Short.MAX_VALUE).array();
        assertArrayEquals(new double[] {-32768, 32767}, values(NpyFormat.read(file("i2.npy",
            npy(1, "{\"descr\": \"<i2\", \"shape\": [2], \"fortran_order\": False}", i2)))));
    }

    @Test
    void readsTheSciPyConvolutionReferenceWithItsFullShape() throws IOException {
        INDArray image = NpyFormat.read(golden("convolution/image.npy"), 2);
        INDArray filters = NpyFormat.read(golden("convolution/filters.npy"), 3);
        INDArray expected = NpyFormat.read(golden("convolution/expected_stride5.npy"), 3);
        // a full convolution of 37×53 with 4×4 is 40×56; every fifth row and column gives 8×12
        assertArrayEquals(new long[] {37, 53}, image.shape());
        assertArrayEquals(new long[] {3, 4, 4}, filters.shape());
        assertArrayEquals(new long[] {3, (40 + 4) / 5, (56 + 4) / 5}, expected.shape());
        // the corner of a full convolution is the product of the two corners
        for (int k = 0; k < 3; k++) {
            assertEquals(image.getDouble(0, 0) * filters.getDouble(k, 0, 0), expected.getDouble(k, 0, 0), 1e-15);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"c16.npy", "bool.npy", "object.npy"})
    void rejectsNumPyArraysThatAreNotRealNumbers(String name) throws IOException {
        Path file = Files.copy(golden("npy/" + name), dir.resolve(name));
        String message = rejected(file);
        assertTrue(message.contains("is not a real number"), message);
    }

    @Test
    void namesTheComplexDtype() throws IOException {
        Path file = Files.copy(golden("npy/c16.npy"), dir.resolve("image.npy"));
        assertEquals(file + ": dtype '<c16' is not a real number (expected float64, float32 or an integer type)",
            rejected(file));
    }

    @Test
    void rejectsAWrongRankSayingWhichWereExpected() throws IOException {
        Path file = Files.copy(golden("npy/f8.npy"), dir.resolve("f.npy"));
        assertEquals(file + ": rank 2 (shape (3, 4)), expected 3", rejected(file, 3));
        assertTrue(rejected(file, 1, 3, 4).endsWith("expected 1, 3 or 4"));
        assertArrayEquals(SHAPE_3X4, NpyFormat.read(file, 1, 2).shape());
    }

    @Test
    void rejectsTruncatedAndOverlongData() throws IOException {
        byte[] whole = Files.readAllBytes(golden("npy/f8.npy"));
        String truncated = rejected(file("x.npy", Arrays.copyOf(whole, whole.length - 4)));
        assertTrue(truncated.endsWith("x.npy: truncated: 92 bytes of data, the shape (3, 4) needs 96"), truncated);
        String overlong = rejected(file("y.npy", Arrays.copyOf(whole, whole.length + 8)));
        assertTrue(overlong.endsWith("y.npy: 104 bytes of data, the shape (3, 4) needs 96"), overlong);
    }

    @Test
    void rejectsATruncatedHeaderAndAnEmptyFile() throws IOException {
        byte[] whole = Files.readAllBytes(golden("npy/f8.npy"));
        assertTrue(rejected(file("head.npy", Arrays.copyOf(whole, 40))).contains("truncated header"));
        assertTrue(rejected(file("short.npy", Arrays.copyOf(whole, 7))).contains("truncated header"));
        assertTrue(rejected(file("empty.npy", new byte[0])).contains("truncated header"));
    }

    @Test
    void rejectsBadMagicAndVersion() throws IOException {
        byte[] whole = Files.readAllBytes(golden("npy/f8.npy"));
        byte[] png = Arrays.copyOf(whole, whole.length);
        png[1] = 'P';
        assertTrue(rejected(file("magic.npy", png)).contains("not a .npy file"));
        byte[] version = Arrays.copyOf(whole, whole.length);
        version[6] = 4;
        assertTrue(rejected(file("v4.npy", version)).contains("unsupported .npy version 4.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "hello world",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), ",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4)} trailing",
        "{'descr': '<f8', 'fortran_order': False}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), 'extra': 1}",
        "{'descr': '<f8', 'fortran_order': 'no', 'shape': (3, 4)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 'four')}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3, -4)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 4)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999, 99999999999)}",
        "{'descr': '<f2', 'fortran_order': False, 'shape': (3, 4)}",
        "{'descr': '|f8', 'fortran_order': False, 'shape': (3, 4)}",
        "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (3, 4)}",
        "{'descr': '<U3', 'fortran_order': False, 'shape': (3, 4)}",
        "{'descr': '<f8', 'descr': '<f8', 'shape': (3, 4)}",
        "{'descr\n': '<f8\u0000', 'fortran_order': False, 'shape': (3, 4)}",
    })
    void rejectsGarbageHeadersOnOneLine(String dict) throws IOException {
        String text = rejected(file("garbage.npy", npy(1, dict, new byte[96])));
        assertFalse(text.contains("\n") || text.contains("\u0000"), text);
    }

    private INDArray assertGolden(String name, long[] shape, double[] expected) throws IOException {
        INDArray array = NpyFormat.read(golden("npy/" + name));
        assertEquals(DataType.DOUBLE, array.dataType());
        assertEquals('c', array.ordering());
        assertArrayEquals(shape, array.shape(), name);
        assertArrayEquals(expected, values(array), name);
        return array;
    }

    /** The message of the BadNpyException reading {@code file} throws, checked to name the file. */
    private static String rejected(Path file, int... ranks) {
        var e = assertThrows(NpyFormat.BadNpyException.class, () -> NpyFormat.read(file, ranks));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage();
    }

    /** A .npy of the given version with {@code dict} as its header, padded as NumPy pads. */
    private static byte[] npy(int version, String dict, byte[] data) {
        int lengthBytes = version == 1 ? 2 : 4;
        int unpadded = 8 + lengthBytes + dict.length() + 1;
        byte[] header = (dict + " ".repeat((64 - unpadded % 64) % 64) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(8 + lengthBytes + header.length + data.length)
            .order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) version).put((byte) 0);
        if (version == 1) {
            out.putShort((short) header.length);
        } else {
            out.putInt(header.length);
        }
        return out.put(header).put(data).array();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path write(INDArray array, String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            NpyFormat.write(array, out);
        }
        return file;
    }

    private static Path golden(String relative) {
        try {
            return Path.of(NpyFormatTest.class.getResource("/golden/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static INDArray random(long[] shape, long seed) {
        Random random = new Random(seed);
        double[] data = new double[(int) Arrays.stream(shape).reduce(1, Math::multiplyExact)];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10);
        }
        return Nd4j.create(data, shape, DataType.DOUBLE);
    }

    /** The elements in C order, as doubles, whatever the array's dtype or layout. */
    private static double[] values(INDArray array) {
        return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
