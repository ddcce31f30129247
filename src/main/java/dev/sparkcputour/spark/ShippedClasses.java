package dev.sparkcputour.spark;

import java.util.List;

/**
 * The classes of a workload's own that travel through {@code spark.serializer} (task data,
 * results, broadcasts), for {@link TourKryoRegistrator} to register: a workload lists them in a
 * provider named in {@code META-INF/services}, so this package need not know the workloads.
 */
public interface ShippedClasses {

    List<Class<?>> classes();
}
