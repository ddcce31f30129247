package dev.sparkcputour.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Kryo for Java records (task data such as spark-copy's image-and-filter pairs): Kryo 4, which
 * Spark uses, fills fields through {@code Unsafe}, which Java 17 refuses for a record's final
 * fields; this writes the components and calls the canonical constructor.
 */
public final class RecordKryoSerializer<T extends Record> extends Serializer<T> {

    private final Method[] accessors;
    private final Constructor<T> constructor;

    public RecordKryoSerializer(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        accessors = Arrays.stream(components).map(RecordComponent::getAccessor).toArray(Method[]::new);
        try {
            constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("a record without its canonical constructor: " + type, e);
        }
        constructor.setAccessible(true);
        for (Method accessor : accessors) {
            accessor.setAccessible(true);
        }
    }

    @Override
    public void write(Kryo kryo, Output output, T record) {
        try {
            for (Method accessor : accessors) {
                kryo.writeClassAndObject(output, accessor.invoke(record));
            }
        } catch (ReflectiveOperationException e) {
            throw new KryoException("cannot read the components of " + record.getClass().getName(), e);
        }
    }

    @Override
    public T read(Kryo kryo, Input input, Class<T> type) {
        Object[] values = new Object[accessors.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = kryo.readClassAndObject(input);
        }
        try {
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new KryoException("cannot build " + type.getName(), e);
        }
    }
}
