package dev.sparkcputour.spark;

import com.esotericsoftware.kryo.Kryo;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * What the project ships through {@code spark.serializer} when it is Kryo (task data, results,
 * broadcasts; closures always go through Java): arrays as {@link ShippedArray}, copied in bulk,
 * and the workloads' own classes ({@link ShippedClasses}), records built through their constructor.
 */
public final class TourKryoRegistrator implements KryoRegistrator {

    /** Looked up once per JVM: Spark builds a Kryo instance per pooled serializer. */
    private static final List<Class<?>> WORKLOAD_CLASSES = ServiceLoader.load(ShippedClasses.class,
            ShippedClasses.class.getClassLoader()).stream().flatMap(p -> p.get().classes().stream()).toList();

    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(ShippedArray.class, new ShippedArray.KryoFormat());
        kryo.register(ShippedArray[].class);
        kryo.addDefaultSerializer(Record.class, RecordKryoSerializer.class);
        WORKLOAD_CLASSES.forEach(kryo::register);
    }
}
