package dev.sparkcputour.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.sparkcputour.kernel.ResultArrays;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.util.LongAccumulator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An ND4J double array as Spark ships it: the off-heap buffer is copied to and from the stream
 * in bulk (ND4J's own Java serialisation goes element by element, several times slower), the
 * same way through Java serialisation (closures) and Kryo ({@link KryoFormat}), and a
 * deserialised copy knows it is one, so a task can count the copies a strategy really made.
 */
public final class ShippedArray implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 1 << 16;

    private transient INDArray array;
    /** Set when this object was deserialised, cleared by the first {@link #arrayCountingCopy}. */
    private transient AtomicBoolean uncountedCopy;

    private ShippedArray(INDArray array) {
        if (array.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("only DOUBLE arrays are shipped, got " + array.dataType());
        }
        this.array = array;
    }

    public static ShippedArray of(INDArray array) {
        return new ShippedArray(array);
    }

    /** A copy that arrived over the wire: its first {@link #arrayCountingCopy} counts it. */
    private static ShippedArray deserialised(INDArray array) {
        ShippedArray copy = new ShippedArray(array);
        copy.uncountedCopy = new AtomicBoolean(true);
        return copy;
    }

    public INDArray array() {
        return array;
    }

    /**
     * The array, adding one to {@code copies} the first time a deserialised copy is used: once
     * per task for a copy in the task's data or closure, once per executor for a broadcast, and
     * never for the driver's own object (a broadcast in local mode). Call it inside tasks, where
     * {@code copies} (captured by the closure) is registered with the task.
     */
    public INDArray arrayCountingCopy(LongAccumulator copies) {
        if (uncountedCopy != null && uncountedCopy.getAndSet(false)) {
            copies.add(1);
        }
        return array;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        write(array, out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        array = read(in);
        uncountedCopy = new AtomicBoolean(true);
    }

    /** The wire format of both serialisers: rank, shape, then the contents in C order as raw doubles. */
    private static void write(INDArray array, OutputStream out) throws IOException {
        long[] shape = array.shape();
        ByteBuffer header = ByteBuffer.allocate(Integer.BYTES + shape.length * Long.BYTES).putInt(shape.length);
        for (long dim : shape) {
            header.putLong(dim);
        }
        out.write(header.array());
        if (array.isEmpty()) {
            return;
        }
        // a view, an offset or F order would put other doubles, or these in another order, in the buffer
        INDArray c = array.ordering() == 'c' && !array.isView() && array.offset() == 0
                && Shape.hasDefaultStridesForShape(array) ? array : array.dup('c');
        ByteBuffer data = c.data().asNio();
        data.limit((int) (c.length() * Double.BYTES));
        byte[] chunk = new byte[CHUNK];
        while (data.hasRemaining()) {
            int n = Math.min(CHUNK, data.remaining());
            data.get(chunk, 0, n);
            out.write(chunk, 0, n);
        }
        // the buffer does not keep c alive: a view's copy could be collected, and its memory freed, mid-write
        Reference.reachabilityFence(c);
        if (c != array) {
            c.close(); // freed now, not at some later GC, so the next allocation can reuse its pages
        }
    }

    private static INDArray read(InputStream in) throws IOException {
        long[] shape = new long[ByteBuffer.wrap(readFully(in, new byte[Integer.BYTES], Integer.BYTES)).getInt()];
        ByteBuffer dims = ByteBuffer.wrap(readFully(in, new byte[shape.length * Long.BYTES], shape.length * Long.BYTES));
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.getLong();
        }
        // a 2-D array is a result or a band: memory handed back by the last iteration, when there is some
        INDArray array = shape.length == 2 ? ResultArrays.uninitialized(shape[0], shape[1])
                : Nd4j.createUninitialized(DataType.DOUBLE, shape, 'c');
        if (array.isEmpty()) {
            return array;
        }
        ByteBuffer data = array.data().asNio();
        data.limit((int) (array.length() * Double.BYTES));
        byte[] chunk = new byte[CHUNK];
        while (data.hasRemaining()) {
            int n = Math.min(CHUNK, data.remaining());
            data.put(readFully(in, chunk, n), 0, n);
        }
        return array;
    }

    private static byte[] readFully(InputStream in, byte[] into, int n) throws IOException {
        if (in.readNBytes(into, 0, n) < n) {
            throw new EOFException("a shipped array ends early");
        }
        return into;
    }

    /**
     * The Kryo serializer of {@link ShippedArray} ({@code spark.serializer} ships task data,
     * results and broadcasts with it): the layout of the Java path, and a read copy counts as one
     * like a Java one. Where Kryo's {@link Output} and {@link Input} sit on a stream (task data,
     * results, broadcasts all do), the doubles go to and from that stream directly, not through
     * Kryo's 4 KB buffer: that detour doubled the time to write the image into a task.
     */
    public static final class KryoFormat extends com.esotericsoftware.kryo.Serializer<ShippedArray> {

        @Override
        public void write(Kryo kryo, Output output, ShippedArray shipped) {
            OutputStream stream = output.getOutputStream();
            try {
                if (stream == null) {
                    ShippedArray.write(shipped.array, output);
                } else {
                    output.flush(); // what Kryo has buffered goes first
                    ShippedArray.write(shipped.array, stream);
                }
            } catch (IOException e) {
                throw new KryoException(e);
            }
        }

        @Override
        public ShippedArray read(Kryo kryo, Input input, Class<ShippedArray> type) {
            InputStream stream = input.getInputStream();
            try {
                return deserialised(ShippedArray.read(stream == null ? input : new BufferedFirst(input, stream)));
            } catch (IOException e) {
                throw new KryoException(e);
            }
        }
    }

    /**
     * The bytes Kryo's {@link Input} has buffered, then its stream directly: Kryo refills its buffer
     * only once it is empty, so it goes on reading where this stopped.
     */
    private static final class BufferedFirst extends InputStream {
        private final Input input;
        private final InputStream stream;

        BufferedFirst(Input input, InputStream stream) {
            this.input = input;
            this.stream = stream;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int buffered = input.limit() - input.position();
            return buffered > 0 ? input.read(into, offset, Math.min(buffered, length)) : stream.read(into, offset, length);
        }
    }
}
