package dev.sparkcputour.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.util.LongAccumulator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An ND4J double array as Spark ships it: the off-heap buffer is copied to and from the stream
 * in bulk (ND4J's own Java serialisation goes element by element, several times slower), and a
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
        INDArray c = array.ordering() == 'c' && !array.isView() && array.offset() == 0 ? array : array.dup('c');
        long[] shape = c.shape();
        out.writeInt(shape.length);
        for (long dim : shape) {
            out.writeLong(dim);
        }
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

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        long[] shape = new long[in.readInt()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = in.readLong();
        }
        array = Nd4j.createUninitialized(DataType.DOUBLE, shape, 'c');
        ByteBuffer data = array.data().asNio();
        data.limit((int) (array.length() * Double.BYTES));
        byte[] chunk = new byte[CHUNK];
        while (data.hasRemaining()) {
            int n = Math.min(CHUNK, data.remaining());
            in.readFully(chunk, 0, n);
            data.put(chunk, 0, n);
        }
        uncountedCopy = new AtomicBoolean(true);
    }
}
