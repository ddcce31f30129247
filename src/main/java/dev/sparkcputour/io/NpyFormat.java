package dev.sparkcputour.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * NumPy's {@code .npy} format in pure Java: reads real-number arrays of any common dtype into C-order
 * DOUBLE arrays and writes {@code <f8}. ND4J's own reader is native code, so a damaged header could
 * crash the JVM; here every problem is a {@link BadNpyException} naming the file.
 */
public final class NpyFormat {

    /** A file that is not a {@code .npy} of real numbers with the expected rank; the message is one line. */
    public static final class BadNpyException extends IOException {
        private static final long serialVersionUID = 1L;

        BadNpyException(String message) {
            super(message);
        }
    }

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Magic, version 1.0 and a two-byte header length: the start of every file written here. */
    private static final int PREAMBLE_V1 = MAGIC.length + 4;
    /** Real headers are a few hundred bytes; this bounds what a corrupt length field can allocate. */
    private static final int MAX_HEADER_BYTES = 1 << 20;
    /** Data moves through a buffer this size, so memory stays at one double[] whatever the file size. */
    private static final int CHUNK_BYTES = 1 << 20;
    /** The most dimensions ND4J supports. */
    private static final int MAX_RANK = 32;
    private static final Pattern DESCR = Pattern.compile("([<>=|])([a-zA-Z])(\\d+)");

    private NpyFormat() {
    }

    /**
     * Reads {@code file} as a C-order DOUBLE array of its shape, converting from float32 and the integer
     * dtypes and honouring {@code fortran_order}.
     *
     * @param allowedRanks the ranks accepted; none means any
     * @throws BadNpyException if the file is not a {@code .npy} of real numbers, is truncated, is empty
     *     (a zero in its shape) or has a rank not in {@code allowedRanks}
     */
    public static INDArray read(Path file, int... allowedRanks) throws IOException {
        String name = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Header header = readHeader(channel, name);
            long[] shape = header.shape;
            if (allowedRanks.length > 0 && Arrays.stream(allowedRanks).noneMatch(r -> r == shape.length)) {
                throw bad(name, "rank %d (shape %s), expected %s", shape.length, tuple(shape), ranks(allowedRanks));
            }
            long count = elementCount(shape, name);
            long needed = count * header.dtype.size;
            long present = channel.size() - channel.position();
            if (present != needed) {
                throw bad(name, "%s%d bytes of data, the shape %s needs %d",
                    present < needed ? "truncated: " : "", present, tuple(shape), needed);
            }
            double[] data = new double[(int) count];
            readData(channel, header.dtype, data, name);
            return toNd4j(data, shape, header.fortranOrder);
        }
    }

    /**
     * Writes {@code array} to {@code out} as a version 1.0 {@code .npy} of {@code <f8} in C order, its
     * header padded with spaces to a multiple of 64 bytes as NumPy does. {@code out} is not closed.
     */
    public static void write(INDArray array, OutputStream out) throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + tuple(array.shape()) + ", }";
        int unpadded = PREAMBLE_V1 + dict.length() + 1;
        byte[] header = (dict + " ".repeat((64 - unpadded % 64) % 64) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        out.write(MAGIC);
        out.write(new byte[] {1, 0, (byte) header.length, (byte) (header.length >>> 8)});
        out.write(header);

        // dup gives a compact C-order buffer whatever the source's order, offset or dtype
        double[] data = array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = CHUNK_BYTES / Double.BYTES;
        for (int from = 0; from < data.length; from += perChunk) {
            int n = Math.min(perChunk, data.length - from);
            chunk.clear();
            chunk.asDoubleBuffer().put(data, from, n);
            out.write(chunk.array(), 0, n * Double.BYTES);
        }
    }

    /** A parsed header; the channel is left at the first data byte. */
    private record Header(Dtype dtype, boolean fortranOrder, long[] shape) {
    }

    /** A real-number dtype: kind {@code f}, {@code i} or {@code u}, its size in bytes and byte order. */
    private record Dtype(char kind, int size, ByteOrder order) {
    }

    private static Header readHeader(FileChannel channel, String name) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(MAGIC.length + 2);
        readFully(channel, start, name, "truncated header");
        if (!Arrays.equals(Arrays.copyOf(start.array(), MAGIC.length), MAGIC)) {
            throw bad(name, "not a .npy file (no \\x93NUMPY magic at the start)");
        }
        int major = start.get(MAGIC.length) & 0xFF;
        int minor = start.get(MAGIC.length + 1) & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw bad(name, "unsupported .npy version %d.%d (expected 1.0, 2.0 or 3.0)", major, minor);
        }
        // version 1 has a two-byte header length; 2 and 3 allow four bytes
        ByteBuffer lengthField = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, lengthField, name, "truncated header");
        long length = major == 1 ? Short.toUnsignedInt(lengthField.getShort(0))
            : Integer.toUnsignedLong(lengthField.getInt(0));
        if (length > MAX_HEADER_BYTES) {
            throw bad(name, "header length %d is implausibly large", length);
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) length);
        readFully(channel, bytes, name, "truncated header");
        // versions 1 and 2 are latin-1; 3 allows UTF-8 (for structured field names)
        String text = new String(bytes.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parseHeader(text, name);
    }

    private static Header parseHeader(String text, String name) throws BadNpyException {
        NpyHeader header;
        try {
            header = NpyHeader.parse(text);
        } catch (NpyHeader.StructuredDtypeException e) {
            throw bad(name, "dtype is a structured type, not a real number");
        } catch (NpyHeader.UnexpectedKeysException e) {
            throw bad(name, "header keys are %s, expected descr, fortran_order and shape", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw bad(name, "header is not a valid dict: %s", e.getMessage());
        }
        return new Header(dtype(header.descr(), name), header.fortranOrder(), shape(header.shape(), name));
    }

    private static Dtype dtype(String text, String name) throws BadNpyException {
        Matcher m = DESCR.matcher(text);
        if (!m.matches() || "fiu".indexOf(m.group(2).charAt(0)) < 0) {
            throw bad(name, "dtype '%s' is not a real number (expected float64, float32 or an integer type)", text);
        }
        char kind = m.group(2).charAt(0);
        int size = Integer.parseInt(m.group(3));
        boolean supported = kind == 'f' ? size == 4 || size == 8 : size == 1 || size == 2 || size == 4 || size == 8;
        if (!supported) {
            throw bad(name, "dtype '%s' is not supported (expected float64, float32 or an integer type)", text);
        }
        char order = m.group(1).charAt(0);
        if (order == '|' && size != 1) {
            throw bad(name, "dtype '%s' has no byte order ('|' is for one-byte types)", text);
        }
        // '=' is the writer's native order; NumPy itself always writes '<' or '>'
        return new Dtype(kind, size, order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }

    private static long[] shape(long[] shape, String name) throws BadNpyException {
        if (shape.length > MAX_RANK) {
            throw bad(name, "rank %d is more than the %d ND4J supports", shape.length, MAX_RANK);
        }
        if (Arrays.stream(shape).anyMatch(d -> d < 0)) {
            throw bad(name, "shape %s has a negative dimension", tuple(shape));
        }
        return shape;
    }

    private static long elementCount(long[] shape, String name) throws BadNpyException {
        long count = 1;
        for (long d : shape) {
            // a double[] holds at most about 2^31 elements; this also keeps the product from overflowing
            if (d > 0 && count > (Integer.MAX_VALUE - 8) / d) {
                throw bad(name, "the shape %s is too large for one Java array", tuple(shape));
            }
            count *= d;
        }
        if (count == 0) {
            throw bad(name, "the shape %s has no elements", tuple(shape));
        }
        return count;
    }

    private static void readData(FileChannel channel, Dtype dtype, double[] data, String name) throws IOException {
        int perChunk = CHUNK_BYTES / dtype.size;
        ByteBuffer chunk = ByteBuffer.allocate(perChunk * dtype.size).order(dtype.order);
        for (int from = 0; from < data.length; from += perChunk) {
            int n = Math.min(perChunk, data.length - from);
            chunk.clear().limit(n * dtype.size);
            readFully(channel, chunk, name, "truncated data");
            chunk.flip();
            convert(chunk, dtype, data, from, n);
        }
    }

    /** Converts {@code n} elements of {@code src} into {@code dst} from {@code offset}. */
    private static void convert(ByteBuffer src, Dtype dtype, double[] dst, int offset, int n) {
        switch (dtype.kind + "" + dtype.size) {
            case "f8" -> src.asDoubleBuffer().get(dst, offset, n);
            case "f4" -> {
                FloatBuffer b = src.asFloatBuffer();
                for (int i = 0; i < n; i++) {
                    dst[offset + i] = b.get(i);
                }
            }
            case "i8", "u8" -> {
                LongBuffer b = src.asLongBuffer();
                boolean unsigned = dtype.kind == 'u';
                for (int i = 0; i < n; i++) {
                    long v = b.get(i);
                    dst[offset + i] = unsigned && v < 0 ? unsignedToDouble(v) : v;
                }
            }
            case "i4" -> {
                IntBuffer b = src.asIntBuffer();
                for (int i = 0; i < n; i++) {
                    dst[offset + i] = b.get(i);
                }
            }
            case "u4" -> {
                IntBuffer b = src.asIntBuffer();
                for (int i = 0; i < n; i++) {
                    dst[offset + i] = Integer.toUnsignedLong(b.get(i));
                }
            }
            case "i2", "u2" -> {
                ShortBuffer b = src.asShortBuffer();
                int mask = dtype.kind == 'u' ? 0xFFFF : -1;
                for (int i = 0; i < n; i++) {
                    dst[offset + i] = b.get(i) & mask;
                }
            }
            case "i1", "u1" -> {
                int mask = dtype.kind == 'u' ? 0xFF : -1;
                for (int i = 0; i < n; i++) {
                    dst[offset + i] = src.get(i) & mask;
                }
            }
            default -> throw new IllegalStateException("dtype checked when parsed: " + dtype);
        }
    }

    /** A uint64 above Long.MAX_VALUE, correctly rounded: halve keeping the sticky bit, then double. */
    private static double unsignedToDouble(long v) {
        return (double) ((v >>> 1) | (v & 1)) * 2.0;
    }

    private static INDArray toNd4j(double[] data, long[] shape, boolean fortranOrder) {
        if (!fortranOrder || shape.length < 2) {
            return Nd4j.create(data, shape, DataType.DOUBLE);
        }
        // Fortran order is C order of the reversed shape; reversing the axes back gives the array
        long[] reversed = new long[shape.length];
        int[] axes = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            reversed[i] = shape[shape.length - 1 - i];
            axes[i] = shape.length - 1 - i;
        }
        return Nd4j.create(data, reversed, DataType.DOUBLE).permute(axes).dup('c');
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, String name, String problem)
            throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw bad(name, problem);
            }
        }
    }

    /** A shape as Python prints a tuple: {@code (3, 4)}, {@code (3,)}, {@code ()}. */
    private static String tuple(long[] shape) {
        String joined = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        return "(" + joined + (shape.length == 1 ? ",)" : ")");
    }

    private static String ranks(int[] ranks) {
        String[] text = Arrays.stream(ranks).mapToObj(Integer::toString).toArray(String[]::new);
        return text.length == 1 ? text[0]
            : String.join(", ", Arrays.copyOf(text, text.length - 1)) + " or " + text[text.length - 1];
    }

    private static BadNpyException bad(String name, String format, Object... args) {
        String message = name + ": " + String.format(Locale.ROOT, format, args);
        // a garbage header can put control characters into the message; keep it on one line
        return new BadNpyException(message.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", "?"));
    }
}
