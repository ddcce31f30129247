package dev.sparkcputour.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The serializer settings: one owner in the code, the same values in conf/spark-defaults.conf. */
class SerializerConfTest {

    @Test
    void theConfFileSaysWhatTheCodeSets() throws IOException {
        Map<String, String> file = Files.readAllLines(Path.of("conf/spark-defaults.conf")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
        SerializerConf.DEFAULTS.forEach((key, value) -> assertEquals(value, file.get(key), key));
        file.keySet().stream().filter(key -> key.startsWith("spark.serializer") || key.startsWith("spark.kryo"))
                .forEach(key -> assertTrue(SerializerConf.DEFAULTS.containsKey(key), key + " is set in the file only"));
    }

    @Test
    void everyContextGetsThemUnlessItsConfSaysOtherwise() {
        for (String master : new String[] {"local[1]", "spark://127.0.0.1:7077"}) {
            try (SparkHandle spark = SparkHandle.create("test", Optional.of(master), TaskFaults.NONE)) {
                SerializerConf.DEFAULTS.forEach((key, value) -> assertEquals(value, spark.conf().get(key), master));
                assertEquals(SerializerConf.DEFAULT, spark.serializer());
            }
        }
        SparkConf chosen = SerializerConf.withDefaults(new SparkConf(false).set(SerializerConf.KEY, SerializerConf.KRYO)
                .set("spark.task.maxDirectResultSize", "4m"));
        assertEquals(SerializerConf.KRYO, SerializerConf.of(chosen));
        assertEquals("4m", chosen.get("spark.task.maxDirectResultSize"));
    }

    @Test
    void aHandleShipsWithTheSerializerItIsGiven() {
        try (SparkHandle spark = SparkHandle.create("test", Optional.of("local[1]"), TaskFaults.NONE)) {
            assertEquals(SerializerConf.KRYO, spark.serializedWith(SerializerConf.KRYO).serializer());
            assertEquals(TourKryoRegistrator.class.getName(), spark.conf().get("spark.kryo.registrator"));
            assertEquals(SerializerConf.JAVA, spark.serializedWith(SerializerConf.JAVA).serializer());
        }
    }

    @Test
    void shortNames() {
        assertEquals("kryo", SerializerConf.shortName(SerializerConf.KRYO));
        assertEquals("java", SerializerConf.shortName(SerializerConf.JAVA));
        assertEquals("mine", SerializerConf.shortName("org.example.Mine"));
    }
}
