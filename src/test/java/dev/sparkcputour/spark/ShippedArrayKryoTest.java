package dev.sparkcputour.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.DeserializationStream;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializationStream;
import org.apache.spark.serializer.SerializerInstance;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * {@link ShippedArray} through Spark's own serializers with the tool's settings, no context:
 * Kryo as results travel (one buffer) and as task data and broadcasts do (a stream), and Java
 * as closures do. Every array comes back C-ordered with the same shape and the same doubles.
 */
class ShippedArrayKryoTest {

    private static final ClassTag<Object> ANY = ClassTag$.MODULE$.AnyRef();

    private static SerializerInstance kryo() {
        return new KryoSerializer(SerializerConf.withDefaults(new SparkConf(false))).newInstance();
    }

    private static SerializerInstance java() {
        return new JavaSerializer(new SparkConf(false)).newInstance();
    }

    static Stream<Arguments> arrays() {
        Nd4j.getRandom().setSeed(7);
        INDArray wide = Nd4j.rand(DataType.DOUBLE, 5, 7);
        INDArray cube = Nd4j.rand(DataType.DOUBLE, 3, 4, 5);
        return Stream.of(
                Arguments.of("1-D", Nd4j.rand(DataType.DOUBLE, 11)),
                Arguments.of("2-D, C order", wide),
                Arguments.of("2-D, F order", wide.dup('f')),
                Arguments.of("3-D, C order", cube),
                Arguments.of("3-D, F order", cube.dup('f')),
                Arguments.of("3-D, permuted", cube.permute(2, 0, 1)),
                Arguments.of("rows 2..4 (a view at an offset)", wide.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all())),
                Arguments.of("a block inside (strided view)", wide.get(NDArrayIndex.interval(1, 4), NDArrayIndex.interval(2, 6))),
                Arguments.of("every other column", wide.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 7))),
                Arguments.of("one row of a 3-D view", cube.get(NDArrayIndex.point(1), NDArrayIndex.all(), NDArrayIndex.all())),
                Arguments.of("a scalar (rank 0)", Nd4j.scalar(DataType.DOUBLE, 2.5)),
                Arguments.of("empty, 1-D", Nd4j.create(DataType.DOUBLE, 0)),
                Arguments.of("empty, 2-D", Nd4j.create(DataType.DOUBLE, 3, 0)),
                Arguments.of("a 601×601 result", Nd4j.rand(DataType.DOUBLE, 601, 601)));
    }

    // not closed after each case: the views share the arrays they view
    @ParameterizedTest(name = "Kryo, one buffer: {0}", autoCloseArguments = false)
    @MethodSource("arrays")
    void kryoBufferRoundTrip(String name, INDArray array) {
        SerializerInstance ser = kryo();
        assertSameContents(array, ((ShippedArray) ser.deserialize(ser.serialize(ShippedArray.of(array), ANY), ANY)).array());
    }

    @ParameterizedTest(name = "Kryo, a stream: {0}", autoCloseArguments = false)
    @MethodSource("arrays")
    void kryoStreamRoundTrip(String name, INDArray array) {
        assertSameContents(array, throughStream(kryo(), ShippedArray.of(array)).array());
    }

    @ParameterizedTest(name = "Java: {0}", autoCloseArguments = false)
    @MethodSource("arrays")
    void javaRoundTrip(String name, INDArray array) {
        assertSameContents(array, throughStream(java(), ShippedArray.of(array)).array());
    }

    /**
     * Arrays among other objects in one stream, as a partition's data or results are: each reads
     * exactly its own bytes, whether Kryo had them buffered or they came from the stream.
     */
    @Test
    void arraysFollowEachOtherInOneStream() {
        INDArray small = Nd4j.rand(DataType.DOUBLE, 4, 3);
        INDArray large = Nd4j.rand(DataType.DOUBLE, 300, 200); // larger than Kryo's 4 KB buffer
        INDArray fOrder = Nd4j.rand(DataType.DOUBLE, 2, 2, 2).dup('f');
        for (SerializerInstance ser : List.of(kryo(), java())) {
            Object[] back = (Object[]) throughStream(ser, new Object[] {ShippedArray.of(small), 7,
                ShippedArray.of(large), ShippedArray.of(fOrder), "after"});
            assertSameContents(small, ((ShippedArray) back[0]).array());
            assertEquals(7, back[1]);
            assertSameContents(large, ((ShippedArray) back[2]).array());
            assertSameContents(fOrder, ((ShippedArray) back[3]).array());
            assertEquals("after", back[4]);
        }
    }

    /** A copy counts once, on first use, through either serializer; the original never does. */
    @Test
    void aDeserialisedCopyCountsOnceLikeAJavaOne() {
        INDArray image = Nd4j.rand(DataType.DOUBLE, 6, 6);
        for (Supplier<SerializerInstance> ser : List.<Supplier<SerializerInstance>>of(
                ShippedArrayKryoTest::kryo, ShippedArrayKryoTest::java)) {
            LongAccumulator copies = new LongAccumulator();
            ShippedArray original = ShippedArray.of(image);
            original.arrayCountingCopy(copies);
            assertEquals(0, copies.value(), "the driver's own object is no copy");
            ShippedArray copy = throughStream(ser.get(), original);
            copy.arrayCountingCopy(copies);
            copy.arrayCountingCopy(copies);
            assertEquals(1, copies.value(), "one copy, counted once");
            throughStream(ser.get(), original).arrayCountingCopy(copies);
            assertEquals(2, copies.value(), "a second copy counts again");
        }
    }

    /** Registration is required: a class no one chose a wire format for fails instead of shipping field by field. */
    @Test
    void anUnregisteredClassIsRefused() {
        INDArray raw = Nd4j.rand(DataType.DOUBLE, 2, 2);
        Exception e = assertThrows(Exception.class, () -> kryo().serialize(raw, ANY));
        assertTrue(String.valueOf(e.getMessage()).contains("Class is not registered"), e.toString());
    }

    @SuppressWarnings("unchecked")
    private static <T> T throughStream(SerializerInstance ser, T value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerializationStream out = ser.serializeStream(bytes);
        out.writeObject(value, ANY);
        out.close();
        DeserializationStream in = ser.deserializeStream(new ByteArrayInputStream(bytes.toByteArray()));
        T back = (T) in.readObject(ANY);
        in.close();
        return back;
    }

    private static void assertSameContents(INDArray expected, INDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        assertEquals('c', actual.ordering());
        assertFalse(actual.isView());
        assertArrayEquals(contents(expected), contents(actual), 0.0);
    }

    /** The doubles in C order, read element by element (not through a buffer, which a view would get wrong). */
    private static double[] contents(INDArray a) {
        double[] out = new double[(int) a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.getDouble(cIndex(a.shape(), i));
        }
        return out;
    }

    private static long[] cIndex(long[] shape, long flat) {
        long[] index = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }
}
